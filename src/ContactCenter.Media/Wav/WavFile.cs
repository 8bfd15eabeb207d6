using System.Buffers.Binary;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Wav;

/// <summary>
/// Reads and writes RIFF/WAVE files: 8 kHz, mono or stereo, 16-bit PCM, A-law or µ-law. Unknown chunks are
/// skipped; anything else (other rates, 8-bit PCM, ADPCM, extensible format) is refused with an
/// <see cref="InvalidDataException"/> that says what was found.
/// </summary>
public static class WavFile
{
    /// <summary>The only sample rate the telephony media plane uses.</summary>
    public const int SampleRate = 8000;

    /// <summary>Reads a whole WAV file and decodes it to linear PCM.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The audio.</returns>
    public static WavAudio Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads a WAV file from a stream (to its end) and decodes it to linear PCM.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The audio.</returns>
    public static WavAudio Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.GetBuffer().AsSpan(0, (int)copy.Length));
    }

    /// <summary>Reads WAV bytes and decodes them to linear PCM.</summary>
    /// <param name="file">The file's bytes.</param>
    /// <returns>The audio.</returns>
    public static WavAudio Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        }

        WavEncoding? encoding = null;
        var channels = 0;
        var rest = file[12..];
        while (rest.Length >= 8)
        {
            var id = rest[..4];
            var size = BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]);
            var body = rest[8..];
            if (size > (uint)body.Length)
            {
                // A writer that crashed leaves the data size unset or too large: take what is there.
                size = (uint)body.Length;
            }

            body = body[..(int)size];
            if (id.SequenceEqual("fmt "u8))
            {
                if (body.Length < 16)
                {
                    throw new InvalidDataException("The fmt chunk is shorter than 16 bytes.");
                }

                var tag = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                var rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                encoding = (tag, bits) switch
                {
                    (1, 16) => WavEncoding.Pcm16,
                    (6, 8) => WavEncoding.ALaw,
                    (7, 8) => WavEncoding.MuLaw,
                    _ => throw new InvalidDataException($"Unsupported WAV format tag {tag} with {bits} bits per sample; expected 16-bit PCM (1), A-law (6) or µ-law (7)."),
                };
                if (rate != SampleRate || channels is < 1 or > 2)
                {
                    throw new InvalidDataException($"Unsupported WAV layout {rate} Hz, {channels} channel(s); expected {SampleRate} Hz mono or stereo.");
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (encoding is not { } e)
                {
                    throw new InvalidDataException("The data chunk comes before the fmt chunk.");
                }

                return new WavAudio(Decode(e, body), SampleRate, channels, e);
            }

            // Chunks are word-aligned (a pad byte follows an odd size).
            var advance = 8 + (int)size + (int)(size & 1);
            rest = advance >= rest.Length ? [] : rest[advance..];
        }

        throw new InvalidDataException("The WAV file has no data chunk.");
    }

    /// <summary>Writes a complete WAV file.</summary>
    /// <param name="stream">Destination.</param>
    /// <param name="samples">Linear PCM, interleaved when stereo.</param>
    /// <param name="encoding">How samples are stored.</param>
    /// <param name="channels">1 or 2.</param>
    public static void Write(Stream stream, ReadOnlySpan<short> samples, WavEncoding encoding = WavEncoding.Pcm16, int channels = 1)
    {
        using var writer = new WavWriter(stream, encoding, channels, leaveOpen: true);
        writer.Write(samples);
    }

    /// <summary>Writes a complete WAV file to <paramref name="path"/>.</summary>
    /// <param name="path">The file (overwritten).</param>
    /// <param name="samples">Linear PCM, interleaved when stereo.</param>
    /// <param name="encoding">How samples are stored.</param>
    /// <param name="channels">1 or 2.</param>
    public static void Write(string path, ReadOnlySpan<short> samples, WavEncoding encoding = WavEncoding.Pcm16, int channels = 1)
    {
        using var stream = File.Create(path);
        Write(stream, samples, encoding, channels);
    }

    private static short[] Decode(WavEncoding encoding, ReadOnlySpan<byte> data)
    {
        if (encoding == WavEncoding.Pcm16)
        {
            var samples = new short[data.Length / 2];
            for (var i = 0; i < samples.Length; i++)
            {
                samples[i] = BinaryPrimitives.ReadInt16LittleEndian(data[(i * 2)..]);
            }

            return samples;
        }

        var decoded = new short[data.Length];
        G711.Decode(encoding == WavEncoding.ALaw ? AudioCodec.Pcma : AudioCodec.Pcmu, data, decoded);
        return decoded;
    }
}
