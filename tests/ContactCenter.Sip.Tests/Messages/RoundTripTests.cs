using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>parse → serialize → parse gives the same message; serializing twice gives the same bytes.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> ParsableMessages()
    {
        var data = new TheoryData<string>();
        foreach (string name in TortureData.AllNames())
        {
            if (SipParser.Parse(TortureData.Load(name)).IsSuccess)
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ParsableMessages))]
    public void ParseSerializeParse_TortureMessage_SameMessage(string name)
    {
        SipMessage first = SipParser.Parse(TortureData.Load(name)).Message!;
        byte[] wire = first.ToBytes();
        SipParseResult again = SipParser.Parse(wire);

        Assert.True(again.IsSuccess, again.Error);
        AssertSame(first, again.Message);
        Assert.Equal(wire, again.Message.ToBytes());
    }

    internal static void AssertSame(SipMessage expected, SipMessage actual)
    {
        Assert.Equal(expected.IsRequest, actual.IsRequest);
        if (expected is SipRequest rq)
        {
            var aq = (SipRequest)actual;
            Assert.Equal(rq.Method, aq.Method);
            Assert.Equal(rq.RequestUri.ToString(), aq.RequestUri.ToString());
        }
        else
        {
            var rs = (SipResponse)expected;
            var ars = (SipResponse)actual;
            Assert.Equal(rs.StatusCode, ars.StatusCode);
            Assert.Equal(rs.ReasonPhrase, ars.ReasonPhrase);
        }

        Assert.Equal(Headers(expected), Headers(actual));
        Assert.True(expected.Body.Span.SequenceEqual(actual.Body.Span));
        Assert.Equal(expected.CallId, actual.CallId);
        Assert.Equal(expected.CSeq, actual.CSeq);
        Assert.Equal(expected.From.ToString(), actual.From.ToString());
        Assert.Equal(expected.To.ToString(), actual.To.ToString());
        Assert.Equal(expected.Vias.Select(v => v.ToString()), actual.Vias.Select(v => v.ToString()));
        Assert.Equal(expected.Contacts.Select(v => v.ToString()), actual.Contacts.Select(v => v.ToString()));
        Assert.Equal(expected.Routes.Select(v => v.ToString()), actual.Routes.Select(v => v.ToString()));
    }

    private static List<(string, string)> Headers(SipMessage m) =>
        [.. m.Headers.Where(h => h.Name != SipHeaderNames.ContentLength).Select(h => (h.Name, h.Value.Trim()))];
}
