using System.Buffers.Binary;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Wav;

namespace ContactCenter.Media.Tests;

public class WavTests
{
    internal static short[] Tone(int samples, double frequency = 440, double amplitude = 8000)
    {
        var tone = new short[samples];
        for (var i = 0; i < samples; i++)
        {
            tone[i] = (short)(Math.Sin(2 * Math.PI * frequency * i / 8000) * amplitude);
        }

        return tone;
    }

    [Fact]
    public void WriteThenRead_Pcm16_RoundTripsExactly()
    {
        var samples = Tone(1234);
        using var stream = new MemoryStream();
        WavFile.Write(stream, samples);

        var audio = WavFile.Read(stream.ToArray());
        Assert.Equal(WavEncoding.Pcm16, audio.SourceEncoding);
        Assert.Equal(8000, audio.SampleRate);
        Assert.Equal(1, audio.Channels);
        Assert.Equal(samples, audio.Samples.ToArray());
        Assert.Equal(44 + (1234 * 2), stream.Length);
    }

    [Theory]
    [InlineData(WavEncoding.ALaw, AudioCodec.Pcma)]
    [InlineData(WavEncoding.MuLaw, AudioCodec.Pcmu)]
    public void WriteThenRead_G711_RoundTripsTheCodedSamples(WavEncoding encoding, AudioCodec codec)
    {
        var samples = Tone(801); // odd length: the data chunk gets a pad byte
        using var stream = new MemoryStream();
        WavFile.Write(stream, samples, encoding);

        var codes = new byte[samples.Length];
        var expected = new short[samples.Length];
        G711.Encode(codec, samples, codes);
        G711.Decode(codec, codes, expected);
        var bytes = stream.ToArray();
        var audio = WavFile.Read(bytes);
        Assert.Equal(encoding, audio.SourceEncoding);
        Assert.Equal(expected, audio.Samples.ToArray());

        // fmt is 18 bytes and a fact chunk gives the sample count, as non-PCM WAVE requires.
        Assert.Equal(18, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal("fact"u8.ToArray(), bytes[38..42]);
        Assert.Equal(801, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(46)));
        Assert.Equal(0, bytes.Length % 2);
    }

    [Fact]
    public void WavWriter_StereoFramesInPieces_ReadsBackInterleaved()
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, WavEncoding.Pcm16, channels: 2, leaveOpen: true))
        {
            writer.Write([1, -1, 2, -2]);
            writer.Flush();
            writer.Write([3, -3]);
            Assert.Equal(3, writer.FramesWritten);
        }

        var audio = WavFile.Read(stream.ToArray());
        Assert.Equal(2, audio.Channels);
        Assert.Equal(new short[] { 1, -1, 2, -2, 3, -3 }, audio.Samples.ToArray());
    }

    [Fact]
    public void Read_UnknownChunkBeforeData_IsSkipped()
    {
        using var stream = new MemoryStream();
        WavFile.Write(stream, [10, 20, 30]);
        var original = stream.ToArray();

        // Insert a LIST chunk of odd size (with its pad byte) between fmt and data.
        byte[] list = [.. "LIST"u8, 3, 0, 0, 0, (byte)'a', (byte)'b', (byte)'c', 0];
        var modified = original[..36].Concat(list).Concat(original[36..]).ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(modified.AsSpan(4), modified.Length - 8);

        Assert.Equal(new short[] { 10, 20, 30 }, WavFile.Read(modified).Samples.ToArray());
    }

    [Fact]
    public void Read_SixteenKilohertzFile_IsRefusedNamingTheRate()
    {
        using var stream = new MemoryStream();
        WavFile.Write(stream, [1, 2]);
        var bytes = stream.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), 16000);

        var exception = Assert.Throws<InvalidDataException>(() => WavFile.Read(bytes));
        Assert.Contains("16000 Hz", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotRiff_IsRefused() => Assert.Throws<InvalidDataException>(() => WavFile.Read("hello world!"u8));
}
