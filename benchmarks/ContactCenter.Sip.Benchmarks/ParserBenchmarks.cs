using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.Benchmarks;

/// <summary>
/// The SIP message layer's hot path: parsing a typical INVITE (as sipp sends it, 743 bytes with SDP), reading the
/// headers a transaction/dialog layer needs, and serializing. MemoryDiagnoser gives bytes allocated per operation.
/// </summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private const string Invite =
        "INVITE sip:service@192.0.2.10:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.20:5061;branch=z9hG4bK-4711-1-0;rport\r\n" +
        "From: \"sipp\" <sip:sipp@192.0.2.20:5061>;tag=4711SIPpTag001\r\n" +
        "To: <sip:service@192.0.2.10:5060>\r\n" +
        "Call-ID: 1-4711@192.0.2.20\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Contact: <sip:sipp@192.0.2.20:5061;transport=udp>\r\n" +
        "Max-Forwards: 70\r\n" +
        "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS, REFER, INFO\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: sipp benchmark\r\n" +
        "Subject: Performance Test\r\n" +
        "Content-Type: application/sdp\r\n" +
        "Content-Length: 229\r\n" +
        "\r\n" +
        "v=0\r\n" +
        "o=user1 53655765 2353687637 IN IP4 192.0.2.20\r\n" +
        "s=-\r\n" +
        "c=IN IP4 192.0.2.20\r\n" +
        "t=0 0\r\n" +
        "m=audio 6000 RTP/AVP 0 8 101\r\n" +
        "a=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:8 PCMA/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=ptime:20\r\n" +
        "a=sendrecv\r\n";

    private byte[] _invite = [];
    private ReadOnlyMemory<byte> _inviteMemory;
    private SipRequest _parsed = null!;
    private SipResponse _ok = null!;
    private byte[] _output = [];
    private byte[] _sdp = [];
    private SdpLocalMedia _local = null!;

    [GlobalSetup]
    public void Setup()
    {
        _invite = Encoding.ASCII.GetBytes(Invite);
        _inviteMemory = _invite;
        SipParseResult r = SipParser.Parse(_invite);
        if (!r.IsSuccess || r.Message.Body.Length != 229)
        {
            throw new InvalidOperationException("The benchmark INVITE does not parse: " + r.Error);
        }

        _parsed = r.Request!;
        _ok = _parsed.CreateResponse(200, toTag: "as12345");
        _ok.Headers.Add(SipHeaderNames.Contact, "<sip:service@192.0.2.10:5060>");
        _output = new byte[4096];
        _sdp = _parsed.Body.ToArray();
        _local = new SdpLocalMedia { Address = "192.0.2.10", AudioPort = 30000 };
    }

    /// <summary>Parse from a receive buffer that is reused: the message copies the bytes (one array).</summary>
    [Benchmark(Baseline = true)]
    public SipParseResult ParseInvite_Copy() => SipParser.Parse(_invite.AsSpan());

    /// <summary>Parse bytes the message may keep: nothing copied.</summary>
    [Benchmark]
    public SipParseResult ParseInvite_InPlace() => SipParser.Parse(_inviteMemory);

    /// <summary>Parse and read what a transaction and dialog layer reads: top Via branch, tags, Call-ID, CSeq.</summary>
    [Benchmark]
    public int ParseInvite_ReadTransactionKeys()
    {
        SipMessage m = SipParser.Parse(_inviteMemory).Message!;
        return m.TopVia!.Branch!.Length + m.From.Tag!.Length + m.To.Uri.Host.Length + m.CallId.Length + (int)m.CSeq.Sequence;
    }

    /// <summary>Build the 200 OK to the INVITE (copying Via/From/To/Call-ID/CSeq, adding a To tag).</summary>
    [Benchmark]
    public SipResponse CreateResponse200() => _parsed.CreateResponse(200, toTag: "as12345");

    /// <summary>Serialize a built 200 OK into a reused buffer.</summary>
    [Benchmark]
    public int SerializeResponse200() => _ok.WriteTo(_output);

    /// <summary>Serialize the parsed INVITE (untouched values are copied byte for byte).</summary>
    [Benchmark]
    public int SerializeParsedInvite() => _parsed.WriteTo(_output);

    /// <summary>Frame and parse the INVITE from a TCP stream buffer.</summary>
    [Benchmark]
    public SipParseResult FrameAndParseInvite_Tcp()
    {
        using var framer = new SipStreamFramer();
        framer.Append(_invite);
        framer.TryRead(out SipParseResult r);
        return r;
    }

    /// <summary>Parse the SDP offer and build the answer.</summary>
    [Benchmark]
    public SdpNegotiationResult SdpParseAndAnswer()
    {
        SdpSessionDescription.TryParse(_sdp, out SdpSessionDescription? offer, out _);
        return SdpNegotiator.CreateAnswer(offer!, _local);
    }
}
