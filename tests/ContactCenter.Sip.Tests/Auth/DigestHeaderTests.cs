using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

public sealed class DigestHeaderTests
{
    [Fact]
    public void TryParse_QuotedTokensAndEscapes_Values()
    {
        Assert.True(DigestHeader.TryParse(
            "Digest username=\"bob\", realm=\"a \\\"b\\\" c\",nonce=\"n,1\" ,  algorithm=MD5,qop=auth, nc=00000001",
            out var header));

        Assert.Equal("bob", header["username"]);
        Assert.Equal("a \"b\" c", header["realm"]);
        Assert.Equal("n,1", header["nonce"]);
        Assert.Equal("MD5", header["ALGORITHM"]);
        Assert.Equal("auth", header["qop"]);
        Assert.Equal("00000001", header["nc"]);
        Assert.Null(header["opaque"]);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Digest")]
    [InlineData("Digest realm=\"open")]
    [InlineData("Digest realm")]
    [InlineData("Digest realm=a realm=b")]
    [InlineData("Digest realm=a, realm=b")]
    [InlineData("Digest =a")]
    public void TryParse_Invalid_False(string value) => Assert.False(DigestHeader.TryParse(value, out _));

    [Fact]
    public void Format_ThenParse_RoundTrips()
    {
        var text = DigestHeader.Format([new("realm", "r\"q\\"), new("algorithm", "SHA-256")], "algorithm");

        Assert.Equal("Digest realm=\"r\\\"q\\\\\", algorithm=SHA-256", text);
        Assert.True(DigestHeader.TryParse(text, out var header));
        Assert.Equal("r\"q\\", header["realm"]);
    }
}
