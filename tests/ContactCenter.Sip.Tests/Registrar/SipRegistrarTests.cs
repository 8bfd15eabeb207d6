using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Registrar;
using ContactCenter.Sip.Tests.UserAgents;

namespace ContactCenter.Sip.Tests.Registrar;

public sealed class SipRegistrarTests
{
    private readonly StackHarness _h = new(registrar: new SipRegistrarOptions
    {
        Realm = "cc.test",
        PasswordLookup = user => user == "1001" ? "secret" : null,
        MinExpires = TimeSpan.FromSeconds(60),
        MaxExpires = TimeSpan.FromHours(1),
    });

    private SipResponse Register(string? authorization = null, string expires = "Expires: 300", string contact = "Contact: <sip:1001@192.0.2.1:5062>", uint cseq = 1, string callId = "reg-1", string to = "<sip:1001@cc.test>")
    {
        var headers = contact + "\n" + expires + (authorization is null ? string.Empty : "\nAuthorization: " + authorization);
        var text = StackHarness.Request(SipMethods.Register, _h.NewBranch(), callId, cseq, extraHeaders: headers, to: to)
            .Replace("Contact: <sip:peer@192.0.2.1:5062>\r\n", string.Empty, StringComparison.Ordinal);
        _h.Receive(text);
        return Assert.Single(_h.Responses());
    }

    private string Credentials(SipResponse challenge, int index = 0, string user = "1001", string password = "secret") =>
        DigestClient.Answer(challenge.Headers.GetAll(SipHeaderNames.WwwAuthenticate)[index], user, password, SipMethods.Register, "sip:1001@192.0.2.10:5060")!;

    [Fact]
    public void Register_WithoutCredentials_ChallengesSha256ThenMd5()
    {
        var response = Register();

        Assert.Equal(401, response.StatusCode);
        var challenges = response.Headers.GetAll(SipHeaderNames.WwwAuthenticate);
        Assert.Equal(2, challenges.Count);
        Assert.Contains("algorithm=SHA-256", challenges[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=MD5", challenges[1], StringComparison.Ordinal);
        Assert.Contains("realm=\"cc.test\"", challenges[0], StringComparison.Ordinal);
        Assert.Contains("qop=\"auth\"", challenges[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Register_WithCredentials_BindsContactUntilExpiry(int algorithm)
    {
        var challenge = Register();

        var ok = Register(Credentials(challenge, algorithm), cseq: 2);

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("<sip:1001@192.0.2.1:5062>;expires=300", ok.Headers.GetFirst(SipHeaderNames.Contact));
        var binding = Assert.Single(_h.Registrar!.GetRegistrations("1001"));
        Assert.Equal(5062, binding.Contact.Port);
        Assert.Equal(StackHarness.Peer, binding.Source);

        _h.Time.Advance(TimeSpan.FromSeconds(299));
        Assert.Single(_h.Registrar.GetRegistrations("1001"));
        _h.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(_h.Registrar.GetRegistrations("1001"));
    }

    [Fact]
    public void Register_UnknownAuthorizationScheme_ChallengedNot400()
    {
        // RFC 4475 section 3.3.11 (regaut01): credentials in a scheme we do not know get our challenge.
        var response = Register("NoOneKnowsThisScheme opaque-data=here");

        Assert.Equal(401, response.StatusCode);
        Assert.NotEmpty(response.Headers.GetAll(SipHeaderNames.WwwAuthenticate));
    }

    [Fact]
    public void Register_Rfc4475Regaut01_401Challenge()
    {
        // RFC 4475 section 3.3.11, inline so that this test does not depend on where the suite's files live.
        _h.Receive(
            "REGISTER sip:example.com SIP/2.0\r\nTo: sip:j.user@example.com\r\nFrom: sip:j.user@example.com;tag=87321hj23128\r\n" +
            "Max-Forwards: 8\r\nCall-ID: 9861293ujh\r\nCSeq: 9338 REGISTER\r\nVia: SIP/2.0/UDP 192.0.2.253;branch=z9hG4bKbiuiansd001\r\n" +
            "Authorization: NoOneKnowsThisScheme opaque-data=here\r\nContent-Length:0\r\n\r\n");

        Assert.Equal(401, Assert.Single(_h.Responses()).StatusCode);
    }

    [Fact]
    public void Register_DigestUriNotTheRequestUri_400()
    {
        var challenge = Register();
        var credentials = DigestClient.Answer(challenge.Headers.GetAll(SipHeaderNames.WwwAuthenticate)[0], "1001", "secret", SipMethods.Register, "sip:elsewhere.example")!;

        var response = Register(credentials, cseq: 2);

        Assert.Equal(400, response.StatusCode);
        Assert.Empty(_h.Registrar!.GetRegistrations("1001"));
    }

    [Theory]
    [InlineData("baresip v1.0.0 (x86_64/Linux)", "MD5", "SHA-256")]
    [InlineData("baresip v3.10.1 (x86_64/Linux)", "SHA-256", "MD5")]
    [InlineData("Linphone/5.2", "SHA-256", "MD5")]
    public void Register_Md5OnlyUserAgent_ChallengedMd5FirstOthersSha256First(string userAgent, string first, string second)
    {
        var response = RegisterAs(userAgent);

        var challenges = response.Headers.GetAll(SipHeaderNames.WwwAuthenticate);
        Assert.Equal(2, challenges.Count);
        Assert.Contains("algorithm=" + first, challenges[0], StringComparison.Ordinal);
        Assert.Contains("algorithm=" + second, challenges[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Register_Md5OnlyUserAgent_Md5AnswerAcceptedAndSha256StillAccepted()
    {
        var challenge = RegisterAs("baresip v1.0.0 (x86_64/Linux)");

        Assert.Equal(200, RegisterAs("baresip v1.0.0 (x86_64/Linux)", Credentials(challenge, 0), cseq: 2).StatusCode);
        Assert.Equal(200, RegisterAs("baresip v1.0.0 (x86_64/Linux)", Credentials(challenge, 1), cseq: 3).StatusCode);
        Assert.Equal(401, RegisterAs("baresip v1.0.0 (x86_64/Linux)", Credentials(challenge, 0, password: "guess"), cseq: 4).StatusCode);
    }

    private SipResponse RegisterAs(string userAgent, string? authorization = null, uint cseq = 1)
    {
        var headers = "Contact: <sip:1001@192.0.2.1:5062>\nExpires: 300\nUser-Agent: " + userAgent + (authorization is null ? string.Empty : "\nAuthorization: " + authorization);
        var text = StackHarness.Request(SipMethods.Register, _h.NewBranch(), "reg-ua", cseq, extraHeaders: headers, to: "<sip:1001@cc.test>")
            .Replace("Contact: <sip:peer@192.0.2.1:5062>\r\n", string.Empty, StringComparison.Ordinal);
        _h.Receive(text);
        return Assert.Single(_h.Responses());
    }

    [Fact]
    public void Register_WrongPassword_ChallengedAgain()
    {
        var challenge = Register();

        var response = Register(Credentials(challenge, password: "guess"), cseq: 2);

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_h.Registrar!.GetRegistrations("1001"));
    }

    [Fact]
    public void Register_NonceOlderThanLifetime_StaleChallenge()
    {
        var credentials = Credentials(Register());
        _h.Time.Advance(TimeSpan.FromMinutes(6));

        var response = Register(credentials, cseq: 2);

        Assert.Equal(401, response.StatusCode);
        Assert.All(response.Headers.GetAll(SipHeaderNames.WwwAuthenticate), c => Assert.Contains("stale=true", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Register_OtherUsersAddressOfRecord_Forbidden()
    {
        var challenge = Register(to: "<sip:1002@cc.test>");

        var response = Register(Credentials(challenge), cseq: 2, to: "<sip:1002@cc.test>");

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public void Register_ExpiresBelowMinimum_423WithMinExpires()
    {
        var challenge = Register();

        var response = Register(Credentials(challenge), "Expires: 10", cseq: 2);

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers.GetFirst(SipHeaderNames.MinExpires));
    }

    [Fact]
    public void Register_ExpiresAboveMaximum_Shortened()
    {
        var response = Register(Credentials(Register()), "Expires: 999999", cseq: 2);

        Assert.Equal("<sip:1001@192.0.2.1:5062>;expires=3600", response.Headers.GetFirst(SipHeaderNames.Contact));
    }

    [Fact]
    public void Register_ExpiresZero_RemovesBinding()
    {
        Register(Credentials(Register()), cseq: 2);

        var response = Register(Credentials(Register(cseq: 3)), "Expires: 0", cseq: 4);

        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.Headers.GetFirst(SipHeaderNames.Contact));
        Assert.Empty(_h.Registrar!.GetRegistrations("1001"));
    }

    [Fact]
    public void Register_WildcardWithExpiresZero_RemovesEveryBinding()
    {
        Register(Credentials(Register()), cseq: 2);
        Register(Credentials(Register(cseq: 3)), contact: "Contact: <sip:1001@192.0.2.7:5060>", cseq: 4);
        Assert.Equal(2, _h.Registrar!.GetRegistrations("1001").Count);

        var response = Register(Credentials(Register(cseq: 5)), "Expires: 0", "Contact: *", cseq: 6);

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(_h.Registrar.GetRegistrations("1001"));
    }

    [Fact]
    public void Register_OlderCSeqOnSameCallId_DoesNotUndoNewer()
    {
        Register(Credentials(Register()), cseq: 5);

        Register(Credentials(Register(cseq: 6)), "Expires: 0", cseq: 3);

        Assert.Single(_h.Registrar!.GetRegistrations("1001"));
    }

    [Fact]
    public void Register_Retransmitted_SameResponseAgainAndProcessedOnce()
    {
        var changes = 0;
        _h.Registrar!.BindingsChanged += (_, _) => changes++;
        var credentials = Credentials(Register());
        var text = StackHarness.Request(SipMethods.Register, "z9hG4bKretrans", "reg-1", 2, extraHeaders: "Expires: 300\nAuthorization: " + credentials);

        _h.Receive(text);
        _h.Receive(text);

        var responses = _h.Responses();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Options_MissingRealm_ListsEveryProblem()
    {
        var exception = Assert.Throws<ArgumentException>(() => new StackHarness(registrar: new SipRegistrarOptions()));

        Assert.Contains("Realm", exception.Message, StringComparison.Ordinal);
        Assert.Contains("PasswordLookup", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NonceLifetimeZero_NamesSectionOptionAndWhatIsAllowed()
    {
        var options = new SipRegistrarOptions { Realm = "example.com", PasswordLookup = _ => null, NonceLifetime = TimeSpan.Zero };

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal("SipRegistrarOptions:NonceLifetime: section 'SipRegistrarOptions', option 'NonceLifetime': 00:00:00 is not positive; allowed: more than zero.", exception.Message);
    }
}
