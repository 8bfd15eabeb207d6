namespace ContactCenter.Media.Codecs;

/// <summary>
/// ITU-T G.711 A-law and µ-law companding between 16-bit linear PCM and 8-bit code words. Encoding and decoding
/// are table look-ups (tables built once from the reference algorithm), so a 20 ms frame costs a few hundred
/// nanoseconds and allocates nothing.
/// </summary>
/// <remarks>
/// Linear values use the 16-bit scale of the common reference implementation (Sun's g711.c): the 13-bit A-law and
/// 14-bit µ-law magnitudes of G.711 Tables 1a/2a shifted left by 3 and 2 bits respectively.
/// </remarks>
public static class G711
{
    /// <summary>Samples in one 20 ms frame at 8 kHz, and bytes in one G.711 payload of that length.</summary>
    public const int SamplesPerFrame = 160;

    /// <summary>The µ-law code word of silence (linear 0).</summary>
    public const byte MuLawSilence = 0xFF;

    /// <summary>The A-law code word of silence (linear 0, after the even-bit inversion of G.711).</summary>
    public const byte ALawSilence = 0xD5;

    private const int MuLawBias = 0x84;
    private const int MuLawClip = 8159;

    private static readonly short[] s_muLawToLinear = BuildDecodeTable(MuLawToLinearReference);
    private static readonly short[] s_aLawToLinear = BuildDecodeTable(ALawToLinearReference);

    // µ-law depends only on the top 14 bits of the sample and A-law on the top 13 (the reference algorithm's
    // first step drops the rest), so the encode tables are indexed by those bits: 16 KiB and 8 KiB.
    private static readonly byte[] s_linearToMuLaw = BuildEncodeTable(14, LinearToMuLawReference);
    private static readonly byte[] s_linearToALaw = BuildEncodeTable(13, LinearToALawReference);

    /// <summary>Encodes one linear sample as µ-law.</summary>
    /// <param name="sample">16-bit linear PCM.</param>
    /// <returns>The µ-law code word.</returns>
    public static byte EncodeMuLaw(short sample) => s_linearToMuLaw[(sample >> 2) & 0x3FFF];

    /// <summary>Encodes one linear sample as A-law.</summary>
    /// <param name="sample">16-bit linear PCM.</param>
    /// <returns>The A-law code word.</returns>
    public static byte EncodeALaw(short sample) => s_linearToALaw[(sample >> 3) & 0x1FFF];

    /// <summary>Decodes one µ-law code word.</summary>
    /// <param name="code">The µ-law code word.</param>
    /// <returns>16-bit linear PCM.</returns>
    public static short DecodeMuLaw(byte code) => s_muLawToLinear[code];

    /// <summary>Decodes one A-law code word.</summary>
    /// <param name="code">The A-law code word.</param>
    /// <returns>16-bit linear PCM.</returns>
    public static short DecodeALaw(byte code) => s_aLawToLinear[code];

    /// <summary>Encodes linear samples; <paramref name="destination"/> must be at least as long as <paramref name="samples"/>.</summary>
    /// <param name="codec">A-law or µ-law.</param>
    /// <param name="samples">16-bit linear PCM.</param>
    /// <param name="destination">Receives one code word per sample.</param>
    /// <returns>The number of bytes written (the number of samples).</returns>
    public static int Encode(AudioCodec codec, ReadOnlySpan<short> samples, Span<byte> destination)
    {
        if (destination.Length < samples.Length)
        {
            throw new ArgumentException("The destination is shorter than the samples.", nameof(destination));
        }

        destination = destination[..samples.Length];
        if (codec == AudioCodec.Pcmu)
        {
            ReadOnlySpan<byte> table = s_linearToMuLaw;
            for (var i = 0; i < samples.Length; i++)
            {
                destination[i] = table[(samples[i] >> 2) & 0x3FFF];
            }
        }
        else
        {
            ReadOnlySpan<byte> table = s_linearToALaw;
            for (var i = 0; i < samples.Length; i++)
            {
                destination[i] = table[(samples[i] >> 3) & 0x1FFF];
            }
        }

        return samples.Length;
    }

    /// <summary>Decodes code words; <paramref name="destination"/> must be at least as long as <paramref name="codes"/>.</summary>
    /// <param name="codec">A-law or µ-law.</param>
    /// <param name="codes">G.711 code words.</param>
    /// <param name="destination">Receives one linear sample per code word.</param>
    /// <returns>The number of samples written.</returns>
    public static int Decode(AudioCodec codec, ReadOnlySpan<byte> codes, Span<short> destination)
    {
        if (destination.Length < codes.Length)
        {
            throw new ArgumentException("The destination is shorter than the code words.", nameof(destination));
        }

        ReadOnlySpan<short> table = codec == AudioCodec.Pcmu ? s_muLawToLinear : s_aLawToLinear;
        destination = destination[..codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            destination[i] = table[codes[i]];
        }

        return codes.Length;
    }

    /// <summary>The code word of linear silence for <paramref name="codec"/>.</summary>
    /// <param name="codec">A-law or µ-law.</param>
    /// <returns><see cref="MuLawSilence"/> or <see cref="ALawSilence"/>.</returns>
    public static byte Silence(AudioCodec codec) => codec == AudioCodec.Pcmu ? MuLawSilence : ALawSilence;

    // The reference algorithms (G.711 §2/§3 as coded in Sun's public-domain g711.c); used only to build tables.
    internal static byte LinearToALawReference(int pcm)
    {
        ReadOnlySpan<int> segmentEnds = [0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF];
        pcm >>= 3;
        int mask;
        if (pcm >= 0)
        {
            mask = 0xD5; // sign bit 1 and the even bits inverted (G.711 §2: "even bit inversion")
        }
        else
        {
            mask = 0x55;
            pcm = -pcm - 1;
        }

        var segment = Segment(pcm, segmentEnds);
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        var code = segment << 4;
        code |= segment < 2 ? (pcm >> 1) & 0xF : (pcm >> segment) & 0xF;
        return (byte)(code ^ mask);
    }

    internal static short ALawToLinearReference(byte code)
    {
        var a = code ^ 0x55;
        var t = (a & 0xF) << 4;
        var segment = (a & 0x70) >> 4;
        switch (segment)
        {
            case 0:
                t += 8;
                break;
            case 1:
                t += 0x108;
                break;
            default:
                t += 0x108;
                t <<= segment - 1;
                break;
        }

        return (short)((a & 0x80) != 0 ? t : -t);
    }

    internal static byte LinearToMuLawReference(int pcm)
    {
        ReadOnlySpan<int> segmentEnds = [0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF, 0x1FFF];
        pcm >>= 2;
        int mask;
        if (pcm < 0)
        {
            pcm = -pcm;
            mask = 0x7F;
        }
        else
        {
            mask = 0xFF;
        }

        if (pcm > MuLawClip)
        {
            pcm = MuLawClip;
        }

        pcm += MuLawBias >> 2;
        var segment = Segment(pcm, segmentEnds);
        if (segment >= 8)
        {
            return (byte)(0x7F ^ mask);
        }

        return (byte)(((segment << 4) | ((pcm >> (segment + 1)) & 0xF)) ^ mask);
    }

    internal static short MuLawToLinearReference(byte code)
    {
        var u = ~code & 0xFF;
        var t = ((u & 0x0F) << 3) + MuLawBias;
        t <<= (u & 0x70) >> 4;
        return (short)((u & 0x80) != 0 ? MuLawBias - t : t - MuLawBias);
    }

    private static int Segment(int value, ReadOnlySpan<int> ends)
    {
        for (var i = 0; i < ends.Length; i++)
        {
            if (value <= ends[i])
            {
                return i;
            }
        }

        return ends.Length;
    }

    private static short[] BuildDecodeTable(Func<byte, short> decode)
    {
        var table = new short[256];
        for (var i = 0; i < 256; i++)
        {
            table[i] = decode((byte)i);
        }

        return table;
    }

    private static byte[] BuildEncodeTable(int bits, Func<int, byte> encode)
    {
        var size = 1 << bits;
        var shift = 16 - bits;
        var table = new byte[size];
        for (var i = 0; i < size; i++)
        {
            // Index i holds the top bits of a 16-bit sample; sign-extend them back to a sample value.
            var sample = (short)(i << shift);
            table[i] = encode(sample);
        }

        return table;
    }
}
