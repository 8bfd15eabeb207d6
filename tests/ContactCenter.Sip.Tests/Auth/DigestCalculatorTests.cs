using ContactCenter.Sip.Auth;

namespace ContactCenter.Sip.Tests.Auth;

public sealed class DigestCalculatorTests
{
    // RFC 7616 section 3.9.1: the same request answered with MD5 and with SHA-256.
    private const string Nonce7616 = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Cnonce7616 = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    [Fact]
    public void Response_Rfc7616Md5Example_MatchesRfc()
    {
        var response = DigestCalculator.Response(
            DigestAlgorithm.Md5, false, "Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html",
            Nonce7616, "auth", "00000001", Cnonce7616);

        Assert.Equal("8ca523f5e9506fed4657c9700eebdbec", response);
    }

    [Fact]
    public void Response_Rfc7616Sha256Example_MatchesRfc()
    {
        var response = DigestCalculator.Response(
            DigestAlgorithm.Sha256, false, "Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html",
            Nonce7616, "auth", "00000001", Cnonce7616);

        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", response);
    }

    [Fact]
    public void Response_Rfc2617Example_MatchesRfc()
    {
        var response = DigestCalculator.Response(
            DigestAlgorithm.Md5, false, "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Theory]
    [InlineData(null, DigestAlgorithm.Md5, false)]
    [InlineData("MD5", DigestAlgorithm.Md5, false)]
    [InlineData("md5-sess", DigestAlgorithm.Md5, true)]
    [InlineData("SHA-256", DigestAlgorithm.Sha256, false)]
    [InlineData("SHA-256-sess", DigestAlgorithm.Sha256, true)]
    public void TryParseName_KnownTokens_Parsed(string? token, DigestAlgorithm expected, bool session)
    {
        Assert.True(DigestCalculator.TryParseName(token, out var algorithm, out var isSession));
        Assert.Equal(expected, algorithm);
        Assert.Equal(session, isSession);
    }

    [Fact]
    public void TryParseName_Unknown_False() => Assert.False(DigestCalculator.TryParseName("SHA-512-256", out _, out _));
}
