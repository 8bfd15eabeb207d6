using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

public sealed class SipMessageBuildingTests
{
    private static SipRequest NewInvite()
    {
        var invite = new SipRequest(SipMethods.Invite, SipUri.Parse("sip:bob@example.com"));
        invite.PushVia(new SipVia("UDP", "192.0.2.1", 5060, "z9hG4bKabc").WithParameter("rport", null));
        invite.MaxForwards = 70;
        invite.From = new SipNameAddress(SipUri.Parse("sip:alice@example.com"), "Alice \"A\"").WithTag("ft");
        invite.To = new SipNameAddress(SipUri.Parse("sip:bob@example.com"));
        invite.CallId = "call-1@192.0.2.1";
        invite.CSeq = new SipCSeq(1, SipMethods.Invite);
        invite.Headers.Add(SipHeaderNames.Contact, "<sip:alice@192.0.2.1:5060>");
        invite.Headers.Add(SipHeaderNames.RecordRoute, "<sip:p1.example.com;lr>");
        invite.SetBody("application/sdp", Encoding.ASCII.GetBytes("v=0\r\n"));
        return invite;
    }

    [Fact]
    public void ToBytes_BuiltInvite_ParsesBackWithSameValues()
    {
        byte[] wire = NewInvite().ToBytes();

        var m = Assert.IsType<SipRequest>(SipParser.Parse(wire).Message);
        Assert.Equal(SipMethods.Invite, m.Method);
        Assert.Equal("sip:bob@example.com", m.RequestUri.ToString());
        Assert.Equal("z9hG4bKabc", m.TopVia!.Branch);
        Assert.True(m.TopVia.HasRPort);
        Assert.Equal(5060, m.TopVia.Port);
        Assert.Equal("Alice \"A\"", m.From.DisplayName);
        Assert.Equal("ft", m.From.Tag);
        Assert.Null(m.To.Tag);
        Assert.Equal("call-1@192.0.2.1", m.CallId);
        Assert.Equal(new SipCSeq(1, "INVITE"), m.CSeq);
        Assert.Equal(70, m.MaxForwards);
        Assert.Equal("application/sdp", m.ContentType);
        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(m.Body.Span));
        Assert.Equal(wire.Length, NewInvite().GetByteCount());
        Assert.EndsWith("Content-Length: 5\r\n\r\nv=0\r\n", Encoding.ASCII.GetString(wire), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(999)]
    [InlineData(1000)]
    [InlineData(10000)]
    public void GetByteCount_AnyBodyLength_MatchesWrittenBytes(int length)
    {
        SipRequest m = NewInvite();
        m.Body = new byte[length];

        byte[] wire = m.ToBytes();

        Assert.Equal(wire.Length, m.GetByteCount());
        Assert.Equal(length, SipParser.Parse(wire).Message!.Body.Length);
    }

    [Fact]
    public void CreateResponse_Invite_CopiesDialogHeadersAndAddsToTag()
    {
        SipRequest invite = NewInvite();
        invite.PushVia(new SipVia("TCP", "proxy.example.com", null, "z9hG4bKtop"));

        SipResponse ok = invite.CreateResponse(200, toTag: "tt");

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("OK", ok.ReasonPhrase);
        Assert.Equal(["z9hG4bKtop", "z9hG4bKabc"], ok.Vias.Select(v => v.Branch));
        Assert.Equal("ft", ok.From.Tag);
        Assert.Equal("tt", ok.To.Tag);
        Assert.Equal(invite.CallId, ok.CallId);
        Assert.Equal(invite.CSeq, ok.CSeq);
        Assert.False(ok.Headers.Contains(SipHeaderNames.RecordRoute));
        Assert.False(ok.Headers.Contains(SipHeaderNames.Contact));
        var parsed = Assert.IsType<SipResponse>(SipParser.Parse(ok.ToBytes()).Message);
        Assert.Equal("tt", parsed.To.Tag);
    }

    [Fact]
    public void CreateResponse_ToAlreadyTagged_TagKept()
    {
        SipRequest bye = NewInvite();
        bye.To = bye.To.WithTag("existing");

        Assert.Equal("existing", bye.CreateResponse(200, toTag: "other").To.Tag);
        Assert.Equal("Trying", bye.CreateResponse(100).ReasonPhrase);
    }

    [Fact]
    public void Vias_PushReplaceRemove_TopChanges()
    {
        var m = (SipRequest)SipParser.Parse(
            "OPTIONS sip:a@b SIP/2.0\r\nv: SIP/2.0/UDP h1;branch=z9hG4bK1, SIP/2.0/TCP h2:5070;branch=z9hG4bK2\r\nf: <sip:x@y>;tag=1\r\nt: <sip:a@b>\r\ni: c1\r\nCSeq: 1 OPTIONS\r\n\r\n"u8).Message!;

        m.ReplaceTopVia(m.TopVia!.WithReceived("203.0.113.9").WithRPort(4000));
        Assert.Equal("203.0.113.9", m.TopVia!.Received);
        Assert.Equal(4000, m.TopVia.RPort);
        Assert.Equal(2, m.Vias.Count);

        SipVia removed = m.RemoveTopVia();
        Assert.Equal("h1", removed.Host);
        SipVia only = Assert.Single(m.Vias);
        Assert.Equal(("TCP", "h2", 5070), (only.Transport, only.Host, only.Port));
    }

    [Fact]
    public void Parse_Ipv6ViaWithUnbracketedReceived_Accepted()
    {
        SipParseResult r = SipParser.Parse(
            "OPTIONS sip:a@[2001:db8::9] SIP/2.0\r\nVia: SIP/2.0/UDP [2001:db8::1]:5060;received=2001:db8::1;rport=5060;branch=z9hG4bK1\r\nFrom: <sip:x@[2001:db8::1]>;tag=1\r\nTo: <sip:a@[2001:db8::9]>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\n\r\n"u8);

        Assert.True(r.IsSuccess, r.Error);
        Assert.Equal("[2001:db8::1]", r.Message.TopVia!.Host);
        Assert.Equal("2001:db8::1", r.Message.TopVia.Received);
        Assert.Equal("[2001:db8::9]", ((SipRequest)r.Message).RequestUri.Host);
    }

    [Theory]
    [InlineData("2001:db8::1")]
    [InlineData("host name")]
    [InlineData("")]
    [InlineData("a;b")]
    public void SipVia_InvalidHost_Rejected(string host) =>
        Assert.Throws<ArgumentException>(() => new SipVia("UDP", host));

    [Fact]
    public void Headers_CompactAndCaseInsensitiveNames_Found()
    {
        var h = new SipHeaders();
        h.Add("i", "abc");
        h.Add("X-Custom", "1");
        h.Add("x-custom", "2");

        Assert.Equal("Call-ID", h[0].Name);
        Assert.Equal("abc", h.GetFirst("CALL-ID"));
        Assert.Equal(["1", "2"], h.GetAll("X-CUSTOM"));
        h.Set("X-Custom", "3");
        Assert.Equal(["3"], h.GetAll("x-custom"));
        Assert.Equal(1, h.Remove("X-Custom"));
        Assert.Single(h);
        Assert.Equal("Via", SipHeaderNames.Canonicalize("V"));
        Assert.Equal("Content-Length", SipHeaderNames.Canonicalize("l"));
    }

    [Fact]
    public void Headers_ValueWithLineBreak_Rejected()
    {
        var h = new SipHeaders();
        Assert.Throws<ArgumentException>(() => h.Add("Subject", "a\r\nVia: injected"));
        Assert.Throws<ArgumentException>(() => h.Add("Bad Name", "x"));
    }

    [Fact]
    public void GetValues_CommaListsWithQuotesAndBrackets_SplitCorrectly()
    {
        var h = new SipHeaders();
        h.Add("Contact", "\"A, B\" <sip:a@x;p=1,2>;q=0.5, <sip:b@y>");
        h.Add("Contact", "sip:c@z");

        Assert.Equal(["\"A, B\" <sip:a@x;p=1,2>;q=0.5", "<sip:b@y>", "sip:c@z"], h.GetValues("m"));
    }

    [Fact]
    public void SipUri_BuiltFromParts_FormatsAndParses()
    {
        var uri = new SipUri("sips", "alice", "[2001:db8::1]", 5061, SipParameters.Empty.With("transport", "tls").With("lr", null));

        Assert.Equal("sips:alice@[2001:db8::1]:5061;transport=tls;lr", uri.ToString());
        Assert.True(uri.IsSecure);
        Assert.Equal("tls", uri.Transport);
        Assert.True(uri.IsLooseRouter);
        Assert.Equal("sips:alice@[2001:db8::1]:5061;transport=tls", uri.WithoutParameter("lr").ToString());
        Assert.Throws<ArgumentException>(() => new SipUri("sip", "a b", "host"));
    }

    [Fact]
    public void SipUri_OtherScheme_KeptAsText()
    {
        SipUri tel = SipUri.Parse("tel:+1-201-555-0123");

        Assert.False(tel.IsSip);
        Assert.Equal("tel", tel.Scheme);
        Assert.Equal("tel:+1-201-555-0123", tel.ToString());
        Assert.False(SipUri.TryParse("not a uri", out _));
    }

    [Fact]
    public void SipNameAddress_DisplayNameWithQuotes_EscapedOnOutput()
    {
        var a = new SipNameAddress(SipUri.Parse("sip:a@b"), "He said \"hi\" \\o/");
        string text = a.ToString();

        Assert.Equal("\"He said \\\"hi\\\" \\\\o/\" <sip:a@b>", text);
        Assert.Equal("He said \"hi\" \\o/", SipNameAddress.Parse(text).DisplayName);
    }

    [Fact]
    public void SipResponse_Built_SerializesStatusLine()
    {
        var r = new SipResponse(486);
        Assert.StartsWith("SIP/2.0 486 Busy Here\r\n", r.ToString(), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipResponse(99));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SipResponse(700));
    }

    [Fact]
    public void IdGenerator_NewValues_AreDistinctTokens()
    {
        Assert.StartsWith(SipVia.MagicCookie, SipIdGenerator.NewBranch(), StringComparison.Ordinal);
        Assert.NotEqual(SipIdGenerator.NewTag(), SipIdGenerator.NewTag());
        Assert.EndsWith("@host", SipIdGenerator.NewCallId("host"), StringComparison.Ordinal);
        Assert.True(new SipVia("UDP", "h", null, SipIdGenerator.NewBranch()).HasRfc3261Branch);
    }

    [Fact]
    public void Parse_PooledBufferReused_MessageUnaffected()
    {
        byte[] buffer = NewInvite().ToBytes();
        SipParseResult r = SipParser.Parse(buffer.AsSpan());
        Array.Clear(buffer);

        Assert.Equal("call-1@192.0.2.1", r.Message!.CallId);
        Assert.Equal("v=0\r\n", Encoding.ASCII.GetString(r.Message.Body.Span));
    }

    [Fact]
    public void Parse_LeadingCrlfAndBareLf_Accepted()
    {
        SipParseResult r = SipParser.Parse("\r\n\r\nOPTIONS sip:a@b SIP/2.0\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\nFrom: <sip:x@y>;tag=1\nTo: <sip:a@b>\nCall-ID: c1\nCSeq: 1 OPTIONS\n\n"u8);

        Assert.True(r.IsSuccess, r.Error);
    }

    [Fact]
    public void Parse_OversizedRequest_513()
    {
        byte[] wire = NewInvite().ToBytes();
        SipParseResult r = SipParser.Parse(wire, new SipParserOptions { MaxMessageSize = 100 });

        Assert.Equal(513, r.StatusCode);
        Assert.True(r.ShouldRespond);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("garbage")]
    [InlineData("SIP/2.0 200 OK")]
    public void Parse_NoMessage_FailsWithoutResponse(string text)
    {
        SipParseResult r = SipParser.Parse(Encoding.ASCII.GetBytes(text));

        Assert.False(r.IsSuccess);
        Assert.False(r.ShouldRespond);
    }
}
