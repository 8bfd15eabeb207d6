using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Sip.Tests.Auth;

public sealed class DigestServerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private static readonly SipUri RequestUri = SipUri.Parse("sip:cc.example");
    private readonly DigestServer _server;

    public DigestServerTests() =>
        _server = new DigestServer(
            "cc.example",
            [DigestAlgorithm.Sha256, DigestAlgorithm.Md5],
            new NonceManager(_time, TimeSpan.FromMinutes(5)),
            user => user == "1001" ? "secret" : null);

    [Fact]
    public void CreateChallenges_OnePerAlgorithm_InPreferenceOrder()
    {
        var challenges = _server.CreateChallenges(stale: false);

        Assert.Equal(2, challenges.Count);
        Assert.True(DigestHeader.TryParse(challenges[0], out var sha));
        Assert.True(DigestHeader.TryParse(challenges[1], out var md5));
        Assert.Equal("SHA-256", sha["algorithm"]);
        Assert.Equal("MD5", md5["algorithm"]);
        Assert.Equal("cc.example", sha["realm"]);
        Assert.Equal("auth", sha["qop"]);
        Assert.Null(sha["stale"]);
        Assert.NotEqual(sha["nonce"], md5["nonce"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Verify_RightPassword_Accepted(int challengeIndex)
    {
        var challenge = _server.CreateChallenges(false)[challengeIndex];
        var credentials = DigestClient.Answer(challenge, "1001", "secret", "REGISTER", "sip:cc.example")!;

        var result = _server.Verify("REGISTER", credentials, RequestUri);

        Assert.Equal(DigestOutcome.Accepted, result.Outcome);
        Assert.Equal("1001", result.Username);
    }

    [Fact]
    public void Verify_WrongPassword_Rejected()
    {
        var credentials = DigestClient.Answer(_server.CreateChallenges(false)[0], "1001", "guess", "REGISTER", "sip:cc.example")!;

        Assert.Equal(DigestOutcome.Rejected, _server.Verify("REGISTER", credentials, RequestUri).Outcome);
    }

    [Fact]
    public void Verify_UnknownUser_Rejected()
    {
        var credentials = DigestClient.Answer(_server.CreateChallenges(false)[0], "9999", "secret", "REGISTER", "sip:cc.example")!;

        Assert.Equal(DigestOutcome.Rejected, _server.Verify("REGISTER", credentials, RequestUri).Outcome);
    }

    [Fact]
    public void Verify_OtherMethod_Rejected()
    {
        var credentials = DigestClient.Answer(_server.CreateChallenges(false)[0], "1001", "secret", "REGISTER", "sip:cc.example")!;

        Assert.Equal(DigestOutcome.Rejected, _server.Verify("INVITE", credentials, RequestUri).Outcome);
    }

    [Fact]
    public void Verify_NonceOlderThanLifetime_StaleOnlyWithRightPassword()
    {
        var challenge = _server.CreateChallenges(false)[0];
        var good = DigestClient.Answer(challenge, "1001", "secret", "REGISTER", "sip:cc.example")!;
        var bad = DigestClient.Answer(challenge, "1001", "nope", "REGISTER", "sip:cc.example")!;

        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        Assert.Equal(DigestOutcome.Stale, _server.Verify("REGISTER", good, RequestUri).Outcome);
        Assert.Equal(DigestOutcome.Rejected, _server.Verify("REGISTER", bad, RequestUri).Outcome);
        Assert.Contains("stale=true", _server.CreateChallenges(stale: true)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NonceJustInsideLifetime_Accepted()
    {
        var good = DigestClient.Answer(_server.CreateChallenges(false)[0], "1001", "secret", "REGISTER", "sip:cc.example")!;

        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));

        Assert.Equal(DigestOutcome.Accepted, _server.Verify("REGISTER", good, RequestUri).Outcome);
    }

    [Fact]
    public void Verify_NonceFromAnotherServer_Rejected()
    {
        var other = new DigestServer("cc.example", [DigestAlgorithm.Md5], new NonceManager(_time, TimeSpan.FromMinutes(5)), _ => "secret");
        var credentials = DigestClient.Answer(other.CreateChallenges(false)[0], "1001", "secret", "REGISTER", "sip:cc.example")!;

        Assert.Equal(DigestOutcome.Rejected, _server.Verify("REGISTER", credentials, RequestUri).Outcome);
    }

    [Fact]
    public void Verify_TamperedNonce_Rejected()
    {
        var challenge = _server.CreateChallenges(false)[1];
        Assert.True(DigestHeader.TryParse(challenge, out var header));
        var nonce = header["nonce"]!;
        var tampered = challenge.Replace(nonce, (nonce[0] == 'A' ? 'B' : 'A') + nonce[1..], StringComparison.Ordinal);
        var credentials = DigestClient.Answer(tampered, "1001", "secret", "REGISTER", "sip:cc.example")!;

        Assert.Equal(DigestOutcome.Rejected, _server.Verify("REGISTER", credentials, RequestUri).Outcome);
    }

    [Fact]
    public void Verify_NoCredentials_Missing() => Assert.Equal(DigestOutcome.Missing, _server.Verify("REGISTER", null, RequestUri).Outcome);

    [Fact]
    public void Verify_OtherRealm_Missing()
    {
        var credentials = "Digest username=\"1001\", realm=\"other\", nonce=\"x\", uri=\"sip:a\", response=\"00\", qop=auth, nc=00000001, cnonce=\"c\"";

        Assert.Equal(DigestOutcome.Missing, _server.Verify("REGISTER", credentials, RequestUri).Outcome);
    }

    [Theory]
    [InlineData("Digest username=\"1001\", realm=\"cc.example\", nonce=\"x\", uri=\"sip:a\"")]
    [InlineData("Digest username=\"1001\", realm=\"cc.example\", nonce=\"x\", uri=\"sip:a\", response=\"00\"")]
    [InlineData("Digest username=\"1001\", realm=\"cc.example\", nonce=\"x\", uri=\"sip:a\", response=\"00\", qop=auth-int, nc=00000001, cnonce=\"c\"")]
    [InlineData("Digest username=\"1001\", realm=\"cc.example\", nonce=\"x\", uri=\"sip:a\", response=\"00\", algorithm=SHA-512, qop=auth, nc=00000001, cnonce=\"c\"")]
    [InlineData("Digest username=\"1001\" realm=\"cc.example\"")]
    public void Verify_IncompleteOrUnsupported_Malformed(string credentials) =>
        Assert.Equal(DigestOutcome.Malformed, _server.Verify("REGISTER", credentials, RequestUri).Outcome);

    [Theory]
    [InlineData("NoOneKnowsThisScheme opaque-data=here")]
    [InlineData("Basic MTAwMTpzZWNyZXQ=")]
    public void Verify_UnknownScheme_MissingSoTheClientIsChallenged(string credentials) =>
        Assert.Equal(DigestOutcome.Missing, _server.Verify("REGISTER", credentials, RequestUri).Outcome);

    [Fact]
    public void Verify_DigestUriNotTheRequestUri_Malformed()
    {
        // A response computed for another resource must not authorize this request (RFC 7616 section 3.4.6).
        var credentials = DigestClient.Answer(_server.CreateChallenges(false)[0], "1001", "secret", "REGISTER", "sip:other.example")!;

        Assert.Equal(DigestOutcome.Malformed, _server.Verify("REGISTER", credentials, RequestUri).Outcome);
    }

    [Fact]
    public void Verify_DigestUriEquivalentToRequestUri_Accepted()
    {
        // Compared as SIP URIs (RFC 3261 section 19.1.4): host case does not matter.
        var credentials = DigestClient.Answer(_server.CreateChallenges(false)[0], "1001", "secret", "REGISTER", "sip:CC.example")!;

        Assert.Equal(DigestOutcome.Accepted, _server.Verify("REGISTER", credentials, RequestUri).Outcome);
    }

    [Fact]
    public void Answer_Rfc7616Sha256Challenge_ResponseMatchesRfc()
    {
        const string challenge = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, " +
            "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

        var credentials = DigestClient.Answer(challenge, "Mufasa", "Circle of Life", "GET", "/dir/index.html", 1, "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ")!;

        Assert.True(DigestHeader.TryParse(credentials, out var header));
        Assert.Equal("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", header["response"]);
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", header["opaque"]);
        Assert.Equal("00000001", header["nc"]);
    }
}
