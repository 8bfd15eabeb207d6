using ContactCenter.Media.Codecs;

namespace ContactCenter.Media.Tests;

public class G711Tests
{
    // G.711 Table 1a/2a decoder outputs as closed formulas over (segment s, step q), scaled to 16 bits:
    // A-law (13-bit): s = 0 → 2q + 1, s ≥ 1 → (2q + 33)·2^(s−1); µ-law (14-bit): (2q + 33)·2^s − 33.
    private static int ItuALaw(byte code)
    {
        var c = code ^ 0x55; // even bits inverted on the line
        int s = (c >> 4) & 7, q = c & 0xF;
        var magnitude = s == 0 ? (2 * q) + 1 : ((2 * q) + 33) << (s - 1);
        return ((c & 0x80) != 0 ? 1 : -1) * magnitude * 8;
    }

    private static int ItuMuLaw(byte code)
    {
        var c = ~code & 0xFF; // all bits inverted on the line
        int s = (c >> 4) & 7, q = c & 0xF;
        var magnitude = (((2 * q) + 33) << s) - 33;
        return ((c & 0x80) != 0 ? -1 : 1) * magnitude * 4;
    }

    [Fact]
    public void DecodeALaw_EveryCodeWord_MatchesItuTable()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(ItuALaw((byte)code), G711.DecodeALaw((byte)code));
        }
    }

    [Fact]
    public void DecodeMuLaw_EveryCodeWord_MatchesItuTable()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(ItuMuLaw((byte)code), G711.DecodeMuLaw((byte)code));
        }
    }

    [Theory]
    [InlineData((short)0, 0xFF, 0xD5)]
    [InlineData((short)-8, 0x7E, 0x55)]
    [InlineData((short)32767, 0x80, 0xAA)]
    [InlineData((short)-32768, 0x00, 0x2A)]
    [InlineData((short)1000, 0xCE, 0xFA)]
    [InlineData((short)-1000, 0x4E, 0x7A)]
    public void Encode_KnownSamples_GiveReferenceCodeWords(short sample, int muLaw, int aLaw)
    {
        Assert.Equal((byte)muLaw, G711.EncodeMuLaw(sample));
        Assert.Equal((byte)aLaw, G711.EncodeALaw(sample));
    }

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    public void DecodeMuLaw_AnchorValues_AreReferenceValues(int code, int expected) => Assert.Equal(expected, G711.DecodeMuLaw((byte)code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    public void DecodeALaw_AnchorValues_AreReferenceValues(int code, int expected) => Assert.Equal(expected, G711.DecodeALaw((byte)code));

    [Fact]
    public void Encode_DecodedCodeWord_GivesSameCodeWord()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal((byte)code, G711.EncodeALaw(G711.DecodeALaw((byte)code)));

            // µ-law has two zeros (0x7F is "negative zero"); the encoder produces the positive one.
            var expected = code == 0x7F ? 0xFF : code;
            Assert.Equal((byte)expected, G711.EncodeMuLaw(G711.DecodeMuLaw((byte)code)));
        }
    }

    [Fact]
    public void Encode_EverySample_PicksNearestLevelAndIsMonotonic()
    {
        int previousA = short.MinValue, previousU = short.MinValue;
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            int a = G711.DecodeALaw(G711.EncodeALaw((short)x));
            int u = G711.DecodeMuLaw(G711.EncodeMuLaw((short)x));
            Assert.True(a >= previousA && u >= previousU, $"not monotonic at {x}");
            previousA = a;
            previousU = u;
        }

        // Quantisation error within half the largest step (1024 at 16-bit scale, plus the 3 bits below the 13-bit input), away from clipping.
        for (var x = -32000; x <= 32000; x += 7)
        {
            Assert.InRange(Math.Abs(G711.DecodeALaw(G711.EncodeALaw((short)x)) - x), 0, 512 + 8);
            Assert.InRange(Math.Abs(G711.DecodeMuLaw(G711.EncodeMuLaw((short)x)) - x), 0, 512 + 8);
        }
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void EncodeDecode_Spans_MatchSingleSampleFunctions(AudioCodec codec)
    {
        var samples = new short[G711.SamplesPerFrame];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(Math.Sin(i * 0.3) * 20000);
        }

        var codes = new byte[samples.Length];
        var decoded = new short[samples.Length];
        Assert.Equal(160, G711.Encode(codec, samples, codes));
        Assert.Equal(160, G711.Decode(codec, codes, decoded));
        for (var i = 0; i < samples.Length; i++)
        {
            var code = codec == AudioCodec.Pcmu ? G711.EncodeMuLaw(samples[i]) : G711.EncodeALaw(samples[i]);
            Assert.Equal(code, codes[i]);
            Assert.Equal(codec == AudioCodec.Pcmu ? G711.DecodeMuLaw(code) : G711.DecodeALaw(code), decoded[i]);
        }
    }
}
