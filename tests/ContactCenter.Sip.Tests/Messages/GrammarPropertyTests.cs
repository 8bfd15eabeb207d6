using System.Globalization;
using System.Text;
using ContactCenter.Sip.Messages;
using CsCheck;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>Property-based tests (CsCheck generators) of the RFC 3261 grammar: what is written parses back the same.</summary>
public sealed class GrammarPropertyTests
{
    private const string Alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string TokenChars = Alnum + "-.!%*_+`'~";

    private static readonly Gen<string> s_token = Gen.String[Gen.Char[TokenChars], 1, 12];

    private static readonly Gen<string> s_escaped = Gen.Byte.Select(b => "%" + b.ToString("X2", CultureInfo.InvariantCulture));

    private static readonly Gen<string> s_user = Gen.OneOf(
            Gen.Char[Alnum + "-_.!~*'()&=+$,;?/"].Select(c => c.ToString()),
            s_escaped)
        .Array[1, 10].Select(string.Concat);

    private static readonly Gen<string> s_host = Gen.OneOf(
        Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 8].Array[1, 4].Select(labels => string.Join('.', labels)),
        Gen.Byte.Array[4].Select(b => string.Join('.', b)),
        Gen.UShort.Select(x => "[2001:db8::" + x.ToString("x", CultureInfo.InvariantCulture) + "]"));

    private static readonly Gen<string> s_paramText = Gen.OneOf(
            Gen.Char[Alnum + "-_.!~*'()[]/:&+$"].Select(c => c.ToString()),
            s_escaped)
        .Array[1, 8].Select(string.Concat);

    private static readonly Gen<(string Name, string? Value)[]> s_uriParams =
        Gen.Select(s_paramText, Gen.Bool, s_paramText, (n, has, v) => (n, has ? v : (string?)null)).Array[0, 3];

    private static readonly Gen<(string Scheme, string? User, string Host, int? Port, (string, string?)[] Params)> s_uri =
        Gen.Select(Gen.OneOfConst("sip", "sips"), Gen.Bool, s_user, s_host, Gen.Int[0, 65535], Gen.Bool, s_uriParams,
            (scheme, hasUser, user, host, port, hasPort, ps) => (scheme, hasUser ? user : null, host, hasPort ? port : (int?)null, ps));

    private static string UriText((string Scheme, string? User, string Host, int? Port, (string, string?)[] Params) u)
    {
        var sb = new StringBuilder(u.Scheme).Append(':');
        if (u.User is not null)
        {
            sb.Append(u.User).Append('@');
        }

        sb.Append(u.Host);
        if (u.Port is int p)
        {
            sb.Append(':').Append(p);
        }

        foreach ((string n, string? v) in u.Params)
        {
            sb.Append(';').Append(n);
            if (v is not null)
            {
                sb.Append('=').Append(v);
            }
        }

        return sb.ToString();
    }

    private static readonly Gen<string> s_lws = Gen.OneOfConst("", " ", "\t", "  ", "\r\n ", " \r\n\t");

    private static readonly Gen<string> s_displayName = Gen.String[Gen.Char.Where(c => c is not ('\r' or '\n') && !char.IsSurrogate(c)), 0, 20];

    [Fact]
    public void SipUri_GeneratedText_ParsesToItsComponentsAndPrintsUnchanged() =>
        Property.ForAll(s_uri, u =>
        {
            string text = UriText(u);
            Assert.True(SipUri.TryParse(text, out SipUri? uri), text);
            Assert.Equal(text, uri.ToString());
            Assert.Equal(u.Scheme, uri.Scheme);
            Assert.Equal(u.User, uri.User);
            Assert.Equal(u.Host, uri.Host);
            Assert.Equal(u.Port, uri.Port);
            Assert.Equal(u.Params.Select(p => p.Item1), uri.Parameters.Select(p => p.Key));
            Assert.Equal(u.Params.Select(p => p.Item2), uri.Parameters.Select(p => p.Value));
        });

    [Fact]
    public void SipUri_BuiltFromParts_EqualsParsedText() =>
        Property.ForAll(s_uri, u =>
        {
            var parameters = new SipParameters(u.Params.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2)));
            var built = new SipUri(u.Scheme, u.User, u.Host, u.Port, parameters);
            Assert.Equal(UriText(u), built.ToString());
        });

    [Fact]
    public void SipNameAddress_AnyDisplayName_QuotedAndReadBack() =>
        Property.ForAll(Gen.Select(s_displayName, s_uri, s_token), x =>
        {
            (string display, var u, string tag) = x;
            var address = new SipNameAddress(SipUri.Parse(UriText(u)), display).WithTag(tag);
            SipNameAddress back = SipNameAddress.Parse(address.ToString());
            Assert.Equal(display, back.DisplayName);
            Assert.Equal(UriText(u), back.Uri.ToString());
            Assert.Equal(tag, back.Tag);
        });

    [Fact]
    public void Message_FromHeaderWithLinearWhitespaceAndFolding_SameValues() =>
        Property.ForAll(Gen.Select(s_lws.Array[6], s_token, Gen.String[Gen.Char[Alnum], 1, 8], Gen.Bool), x =>
        {
            (string[] w, string tag, string name, bool compact) = x;
            string from = $"{(compact ? "f" : "FROM")}{w[0].Replace("\r\n", "", StringComparison.Ordinal)}:{w[1]}{name}{w[2]}<sip:a@example.com>{w[3]};{w[4]}tag{w[5]}={w[1]}{tag}";
            string wire = $"OPTIONS sip:b@example.com SIP/2.0\r\n{from}\r\nTo: <sip:b@example.com>\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\n\r\n";
            SipParseResult r = SipParser.Parse(Encoding.ASCII.GetBytes(wire));
            Assert.True(r.IsSuccess, r.Error + "\n" + wire);
            Assert.Equal(tag, r.Message.From.Tag);
            Assert.Equal(name, r.Message.From.DisplayName);
            Assert.Equal("sip:a@example.com", r.Message.From.Uri.ToString());
        });

    [Fact]
    public void SipVia_Generated_ParsesBackWithWhitespaceAroundSeparators() =>
        Property.ForAll(Gen.Select(Gen.OneOfConst("UDP", "TCP", "TLS", "SCTP", "WS"), s_host, Gen.Int[1, 65535], s_token, s_lws.Array[4]), x =>
        {
            (string transport, string host, int port, string branch, string[] w) = x;
            var via = new SipVia(transport, host, port, SipVia.MagicCookie + branch).WithReceived("192.0.2.1").WithRPort(port);
            SipVia back = SipVia.Parse(via.ToString());
            Assert.Equal(via.ToString(), back.ToString());
            Assert.Equal(port, back.RPort);

            string spaced = $"SIP{w[0]}/{w[1]}2.0{w[2]}/{w[3]}{transport} {host}{w[0]}:{w[1]}{port}{w[2]};{w[3]}branch={SipVia.MagicCookie}{branch}";
            SipVia s = SipVia.Parse(spaced);
            Assert.Equal((transport, host, port, SipVia.MagicCookie + branch), (s.Transport, s.Host, s.Port!.Value, s.Branch!));
        });

    [Fact]
    public void SipCSeq_AnyNumberAndMethod_RoundTrips() =>
        Property.ForAll(Gen.Select(Gen.UInt, s_token), x =>
        {
            var cseq = new SipCSeq(x.Item1, x.Item2);
            Assert.True(SipCSeq.TryParse(cseq.ToString(), out SipCSeq back));
            Assert.Equal(cseq, back);
        });

    private static readonly Gen<SipRequest> s_request =
        Gen.Select(s_token, s_uri, Gen.Select(s_token, Gen.String[Gen.Char[" !#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[]^_`abcxyz{|}~"], 0, 30]).Array[0, 6], Gen.Byte.Array[0, 300], s_token, Gen.UInt,
            (method, u, extra, body, tag, seq) =>
            {
                var m = new SipRequest(method, SipUri.Parse(UriText(u)));
                m.PushVia(new SipVia("UDP", "192.0.2.1", 5060, SipIdGenerator.NewBranch()));
                m.From = new SipNameAddress(SipUri.Parse("sip:a@example.com")).WithTag(tag);
                m.To = new SipNameAddress(SipUri.Parse(UriText(u)));
                m.CallId = tag + "@host";
                m.CSeq = new SipCSeq(seq, method);
                foreach ((string name, string value) in extra)
                {
                    m.Headers.Add("X-" + name, value.Trim());
                }

                m.SetBody("application/octet-stream", body);
                return m;
            });

    [Fact]
    public void SipRequest_Generated_SerializeParseSerializeIsStable() =>
        Property.ForAll(s_request, m =>
        {
            byte[] wire = m.ToBytes();
            SipParseResult r = SipParser.Parse(wire);
            Assert.True(r.IsSuccess, r.Error);
            RoundTripTests.AssertSame(m, r.Message);
            Assert.Equal(wire, r.Message.ToBytes());
        }, count: 300);

    [Fact]
    public void StreamFramer_GeneratedMessagesSplitAnywhere_AllFramed() =>
        Property.ForAll(Gen.Select(s_request.Array[1, 4], Gen.Int[1, 200]), x =>
        {
            (SipRequest[] messages, int chunk) = x;
            byte[] stream = [.. messages.SelectMany(m => m.ToBytes())];
            using var framer = new SipStreamFramer();
            var calls = new List<string>();
            for (int at = 0; at < stream.Length; at += chunk)
            {
                framer.Append(stream.AsSpan(at, Math.Min(chunk, stream.Length - at)));
                while (framer.TryRead(out SipParseResult r) == SipFrameStatus.Message)
                {
                    calls.Add(r.Message!.CallId);
                }
            }

            Assert.Equal(messages.Select(m => m.CallId), calls);
        }, count: 200);
}
