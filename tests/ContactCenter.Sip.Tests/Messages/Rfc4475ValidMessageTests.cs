using System.Text;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>RFC 4475 §3.1.1: valid but tortuous messages parse, with the values the RFC explains.</summary>
public sealed class Rfc4475ValidMessageTests
{
    private static SipRequest Request(string name)
    {
        SipParseResult r = SipParser.Parse(TortureData.Load(name));
        Assert.True(r.IsSuccess, $"{name}: {r.Error}");
        return Assert.IsType<SipRequest>(r.Message);
    }

    private static SipResponse Response(string name)
    {
        SipParseResult r = SipParser.Parse(TortureData.Load(name));
        Assert.True(r.IsSuccess, $"{name}: {r.Error}");
        return Assert.IsType<SipResponse>(r.Message);
    }

    [Fact]
    public void Wsinv_WhitespaceFoldingAndCase_ValuesAsRfcExplains()
    {
        SipRequest m = Request("wsinv");
        Assert.Equal("INVITE", m.Method);
        Assert.Equal("chair-dnrc.example.com", m.RequestUri.Host);
        Assert.True(m.RequestUri.Parameters.Contains("unknownparam"));
        Assert.Equal("1918181833n", m.To.Tag);
        Assert.Equal("vivekg", m.To.Uri.User);
        Assert.Equal("J Rosenberg \\\"", m.From.DisplayName);
        Assert.Equal("98asjd8", m.From.Tag);
        Assert.Equal(68, m.MaxForwards);
        Assert.Equal("wsinv.ndaksdj@192.0.2.1", m.CallId);
        Assert.Equal(new SipCSeq(9, "INVITE"), m.CSeq);
        Assert.Equal(3, m.Vias.Count);
        Assert.Equal(("UDP", "192.0.2.2", "390skdjuw"), (m.Vias[0].Transport, m.Vias[0].Host, m.Vias[0].Branch));
        Assert.Equal(("TCP", "spindle.example.com", "z9hG4bK9ikj8"), (m.Vias[1].Transport, m.Vias[1].Host, m.Vias[1].Branch));
        Assert.Equal(("UDP", "192.168.255.111", "z9hG4bK30239"), (m.Vias[2].Transport, m.Vias[2].Host, m.Vias[2].Branch));
        Assert.Equal(string.Empty, m.Headers.GetFirst("Subject"));
        Assert.Equal("newfangled value continued newfangled value", m.Headers.GetFirst("NewFangledHeader"));
        Assert.Equal(";;,,;;,;", m.Headers.GetFirst("UnknownHeaderWithUnusualValue"));
        SipNameAddress route = Assert.Single(m.Routes);
        Assert.Equal("services.example.com", route.Uri.Host);
        Assert.True(route.Uri.IsLooseRouter);
        Assert.Equal("value", route.Uri.Parameters["unknownwith"]);
        SipNameAddress contact = Assert.Single(m.Contacts);
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.Parameters["newparam"]);
        Assert.True(contact.Parameters.Contains("secondparam"));
        Assert.Equal("0.33", contact.Parameters["q"]);
        Assert.Equal("application/sdp", m.ContentType);
        Assert.Equal(150, m.Body.Length);
    }

    [Fact]
    public void Intmeth_UnusualTokensEverywhere_ParsedExactly()
    {
        SipRequest m = Request("intmeth");
        const string method = "!interesting-Method0123456789_*+`.%indeed'~";
        Assert.Equal(method, m.Method);
        Assert.Equal(method, m.CSeq.Method);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", m.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", m.RequestUri.Password);
        Assert.Equal("example.com", m.RequestUri.Host);
        Assert.Equal("BEL:\a NUL:\0 DEL:\u007f", m.To.DisplayName);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", m.To.Uri.User);
        Assert.Equal("token1~` token2'+_ token3*%!.-", m.From.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", m.From.Tag);
        Assert.Equal("\"\u0440\u0430\u0431\u043e\u0442\u0430\u044e\u0449\u0438\u0439\"", m.From.Parameters["fromParam''~+*_!.-%"]);
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.CallId);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", m.TopVia!.Branch);
        Assert.Equal("\uFEFF\u5927\u505C\u96FB", m.Headers.GetFirst("extensionHeader-!.%*+_`'~"));
    }

    [Fact]
    public void Esc01_EscapedUriComponents_UnescapeAsRfcExplains()
    {
        SipRequest m = Request("esc01");
        Assert.Equal("sips%3Auser%40example.com", m.RequestUri.User);
        Assert.Equal("sips:user@example.com", SipUri.Unescape(m.RequestUri.User!));
        Assert.Equal("user", SipUri.Unescape(m.To.Uri.User!));
        Assert.Equal("I have spaces", SipUri.Unescape(m.From.Uri.User!));
        Assert.Equal("application/sdp", m.ContentType);
        SipUri contact = Assert.Single(m.Contacts).Uri;
        Assert.Equal("caller", SipUri.Unescape(contact.User!));
        Assert.True(contact.Parameters.Contains("%6C%72"));
        Assert.Equal("v%61lue%25%34%31", contact.Parameters["n%61me"]);
        Assert.Equal("value%41", SipUri.Unescape(contact.Parameters["n%61me"]!));
    }

    [Fact]
    public void Escnull_EscapedNulInUser_Accepted()
    {
        SipRequest m = Request("escnull");
        Assert.Equal("null-\0-null", SipUri.Unescape(m.To.Uri.User!));
        Assert.Equal(2, m.Contacts.Count);
        Assert.Equal("\0\0", SipUri.Unescape(m.Contacts[1].Uri.User!));
        Assert.Equal(0, m.Body.Length);
    }

    [Fact]
    public void Esc02_EscapesInMethodDisplayNameAndHeaderName_NotUnescaped()
    {
        SipRequest m = Request("esc02");
        Assert.Equal("RE%47IST%45R", m.Method);
        Assert.NotEqual(SipMethods.Register, m.Method);
        Assert.Equal("%Z%45", m.To.DisplayName);
        Assert.Equal(2, m.Contacts.Count);
        Assert.Equal("<sip:alias2@host2.example.com>", m.Headers.GetFirst("C%6Fntact"));
        Assert.Equal("z9hG4bK209%fzsnel234", m.TopVia!.Branch);
    }

    [Fact]
    public void Lwsdisp_NoSpaceBeforeLaquot_DisplayNameRead()
    {
        SipRequest m = Request("lwsdisp");
        Assert.Equal("caller", m.From.DisplayName);
        Assert.Equal("sip:caller@example.com", m.From.Uri.ToString());
        Assert.Equal("323", m.From.Tag);
    }

    [Fact]
    public void Longreq_LongValuesAndManyVias_AllRead()
    {
        SipRequest m = Request("longreq");
        Assert.Equal(34, m.Vias.Count);
        Assert.All(m.Vias, v => Assert.Equal("TCP", v.Transport));
        Assert.Equal("sip33.example.com", m.Vias[0].Host);
        Assert.Equal("192.0.2.5", m.Vias[^1].Received);
        Assert.StartsWith("I have a user name of extreme", m.To.DisplayName, StringComparison.Ordinal);
        Assert.Equal(6000, m.To.Uri.Port);
        Assert.StartsWith("amazinglylongcallername", m.From.Uri.User, StringComparison.Ordinal);
        Assert.StartsWith("longreq.onereally", m.CallId, StringComparison.Ordinal);
        Assert.Equal(150, m.Body.Length);
    }

    [Fact]
    public void Dblreq_BytesAfterContentLength_Ignored()
    {
        SipRequest m = Request("dblreq");
        Assert.Equal(SipMethods.Register, m.Method);
        Assert.Equal(0, m.Body.Length);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", m.CallId);
    }

    [Fact]
    public void Semiuri_SemicolonInUserPart_BelongsToUser()
    {
        SipRequest m = Request("semiuri");
        Assert.Equal("user;par=u%40example.net", m.RequestUri.User);
        Assert.Equal("example.com", m.RequestUri.Host);
        Assert.Empty(m.RequestUri.Parameters);
        Assert.Equal(
            ["application/sdp", "application/pkcs7-mime", "multipart/mixed", "multipart/signed", "message/sip", "message/sipfrag"],
            m.Headers.GetValues("Accept"));
    }

    [Fact]
    public void Transports_UnknownTransports_AllViasRead()
    {
        SipRequest m = Request("transports");
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], m.Vias.Select(v => v.Transport));
    }

    [Fact]
    public void Mpart01_MultipartBody_PassedThroughByteForByte()
    {
        SipRequest m = Request("mpart01");
        Assert.Equal("multipart/mixed;boundary=7a9cbec02ceef655", m.ContentType);
        Assert.Equal(553, m.Body.Length);
        Assert.StartsWith("--7a9cbec02ceef655", Encoding.Latin1.GetString(m.Body.Span), StringComparison.Ordinal);
        byte[] raw = TortureData.Load("mpart01");
        Assert.True(m.Body.Span.SequenceEqual(raw.AsSpan(raw.Length - 553)));
        Assert.True(m.TopVia!.HasRPort);
        Assert.Null(m.TopVia.RPort);
    }

    [Fact]
    public void Unreason_Utf8ReasonPhrase_Decoded()
    {
        SipResponse m = Response("unreason");
        Assert.Equal(200, m.StatusCode);
        Assert.StartsWith("= 2**3 * 5**2 \u043d\u043e", m.ReasonPhrase, StringComparison.Ordinal);
        Assert.Equal(154, m.Body.Length);
    }

    [Fact]
    public void Noreason_EmptyReasonPhrase_Accepted()
    {
        SipResponse m = Response("noreason");
        Assert.Equal(100, m.StatusCode);
        Assert.Equal(string.Empty, m.ReasonPhrase);
        Assert.Equal("902jndnke3", m.To.Tag);
    }
}
