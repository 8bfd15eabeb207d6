using System.Buffers.Binary;
using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Wav;

/// <summary>
/// Streams samples into a WAV file (recording). The header is written first with zero sizes and patched on
/// <see cref="Dispose"/> (or <see cref="Flush"/>), so the stream must be seekable. Writing a frame encodes into a
/// reused buffer and allocates nothing. G.711 files carry the 18-byte fmt chunk and the fact chunk that
/// non-PCM WAVE requires.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly WavEncoding _encoding;
    private readonly int _channels;
    private readonly long _start;
    private readonly int _dataSizeOffset;
    private readonly int _factOffset;
    private readonly byte[] _buffer = new byte[1024];
    private long _dataBytes;
    private bool _disposed;

    /// <summary>Starts a WAV file on <paramref name="stream"/> at its current position.</summary>
    /// <param name="stream">A writable, seekable stream.</param>
    /// <param name="encoding">How samples are stored.</param>
    /// <param name="channels">1, or 2 for interleaved stereo.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves the stream open.</param>
    public WavWriter(Stream stream, WavEncoding encoding = WavEncoding.Pcm16, int channels = 1, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek || !stream.CanWrite)
        {
            throw new ArgumentException("A WAV writer needs a writable, seekable stream.", nameof(stream));
        }

        if (channels is < 1 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "1 or 2 channels.");
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _encoding = encoding;
        _channels = channels;
        _start = stream.Position;

        var pcm = encoding == WavEncoding.Pcm16;
        var bytesPerSample = pcm ? 2 : 1;
        Span<byte> header = stackalloc byte[58];
        var o = 0;
        "RIFF"u8.CopyTo(header);
        o = 8; // RIFF size patched later
        "WAVE"u8.CopyTo(header[o..]);
        o += 4;
        "fmt "u8.CopyTo(header[o..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[(o + 4)..], pcm ? 16 : 18);
        o += 8;
        BinaryPrimitives.WriteUInt16LittleEndian(header[o..], (ushort)encoding);
        BinaryPrimitives.WriteUInt16LittleEndian(header[(o + 2)..], (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(header[(o + 4)..], WavFile.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[(o + 8)..], WavFile.SampleRate * channels * bytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(header[(o + 12)..], (ushort)(channels * bytesPerSample));
        BinaryPrimitives.WriteUInt16LittleEndian(header[(o + 14)..], (ushort)(bytesPerSample * 8));
        o += 16;
        if (!pcm)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[o..], 0); // cbSize
            o += 2;
            "fact"u8.CopyTo(header[o..]);
            BinaryPrimitives.WriteInt32LittleEndian(header[(o + 4)..], 4);
            _factOffset = o + 8;
            o += 12;
        }

        "data"u8.CopyTo(header[o..]);
        _dataSizeOffset = o + 4;
        o += 8;
        header[..o].CopyTo(_buffer);
        _buffer.AsSpan(4, 4).Clear();
        _buffer.AsSpan(_dataSizeOffset, 4).Clear();
        _stream.Write(_buffer, 0, o);
    }

    /// <summary>Samples written so far (per channel).</summary>
    public long FramesWritten => _dataBytes / (_encoding == WavEncoding.Pcm16 ? 2 : 1) / _channels;

    /// <summary>Appends samples (interleaved when stereo).</summary>
    /// <param name="samples">Linear PCM.</param>
    public void Write(ReadOnlySpan<short> samples)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (!samples.IsEmpty)
        {
            if (_encoding == WavEncoding.Pcm16)
            {
                var n = Math.Min(samples.Length, _buffer.Length / 2);
                for (var i = 0; i < n; i++)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan(i * 2), samples[i]);
                }

                _stream.Write(_buffer, 0, n * 2);
                _dataBytes += n * 2;
                samples = samples[n..];
            }
            else
            {
                var n = Math.Min(samples.Length, _buffer.Length);
                G711.Encode(_encoding == WavEncoding.ALaw ? AudioCodec.Pcma : AudioCodec.Pcmu, samples[..n], _buffer);
                _stream.Write(_buffer, 0, n);
                _dataBytes += n;
                samples = samples[n..];
            }
        }
    }

    /// <summary>Patches the sizes in the header so the file is valid as written so far, and flushes.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        PatchHeader();
        _stream.Flush();
    }

    /// <summary>Patches the header and closes the stream unless asked to leave it open.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        PatchHeader();
        _disposed = true;
        if (_leaveOpen)
        {
            _stream.Flush();
        }
        else
        {
            _stream.Dispose();
        }
    }

    private void PatchHeader()
    {
        var end = _stream.Position;
        var dataBytes = _dataBytes;
        if ((dataBytes & 1) != 0)
        {
            // Chunks are word-aligned: a pad byte follows odd-sized data (not counted in the data size).
            _stream.WriteByte(0);
            end++;
        }

        Span<byte> value = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(value, (uint)Math.Min(end - _start - 8, uint.MaxValue));
        _stream.Position = _start + 4;
        _stream.Write(value);
        if (_factOffset != 0)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(value, (uint)FramesWritten);
            _stream.Position = _start + _factOffset;
            _stream.Write(value);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(value, (uint)Math.Min(dataBytes, uint.MaxValue));
        _stream.Position = _start + _dataSizeOffset;
        _stream.Write(value);

        // Continue after the data (before any pad byte, so further writes overwrite it).
        _stream.Position = _start + _dataSizeOffset + 4 + dataBytes;
    }
}
