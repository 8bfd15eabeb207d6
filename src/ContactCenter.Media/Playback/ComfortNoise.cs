namespace ContactCenter.Media.Playback;

/// <summary>
/// Fills frames with low-level white noise (about −60 dBov) so the far end hears a live line rather than dead
/// silence while nothing plays. A xorshift generator per instance: no allocation, no shared state.
/// </summary>
public struct ComfortNoise
{
    private uint _state;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">Any non-zero seed.</param>
    public ComfortNoise(uint seed)
    {
        _state = seed == 0 ? 0x9E3779B9u : seed;
    }

    /// <summary>Peak amplitude of the noise (±32 of 32767 ≈ −60 dBov).</summary>
    public const int Amplitude = 32;

    /// <summary>Fills <paramref name="frame"/> with noise.</summary>
    /// <param name="frame">Samples to fill.</param>
    public void Fill(Span<short> frame)
    {
        var s = _state == 0 ? 0x9E3779B9u : _state;
        for (var i = 0; i < frame.Length; i++)
        {
            s ^= s << 13;
            s ^= s >> 17;
            s ^= s << 5;
            frame[i] = (short)((int)(s % ((2 * Amplitude) + 1)) - Amplitude);
        }

        _state = s;
    }
}
