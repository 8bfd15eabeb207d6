using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>
/// RFC 4475 §3.2–§3.4: transaction-layer, application-layer and backward-compatibility messages parse (or are
/// cleanly rejected) and get the status code the RFC names from the parser or <see cref="SipRequestValidator"/>.
/// </summary>
public sealed class Rfc4475ApplicationLayerTests
{
    public static TheoryData<string, int> Expected => new()
    {
        { "insuf", 400 },    // From, To, Call-ID missing: rejected by the parser
        { "unkscm", 416 },   // unknown Request-URI scheme
        { "novelsc", 416 },  // soap.beep: not a scheme this UAS serves
        { "unksm2", 400 },   // REGISTER whose To (the AOR) is not a SIP URI
        { "bext01", 420 },   // Require of unknown extensions
        { "invut", 415 },    // unknown body type
        { "multi01", 400 },  // To, From, Call-ID, CSeq repeated: rejected by the parser
        { "mcl01", 400 },    // two Content-Length values: rejected by the parser
        { "sdp01", 406 },    // Accept excludes application/sdp for the answer
        { "regaut01", 0 },   // valid; the registrar answers 401 with its own challenge (digest layer)
        { "zeromf", 0 },     // a UAS answers OPTIONS with Max-Forwards 0 normally (483 only as a proxy)
        { "cparam01", 0 },
        { "cparam02", 0 },
        { "regescrt", 0 },
        { "badbranch", 0 },
        { "inv2543", 0 },
    };

    private static int Answer(string name, SipValidationOptions? options = null)
    {
        SipParseResult r = SipParser.Parse(TortureData.Load(name));
        if (!r.IsSuccess)
        {
            Assert.True(r.ShouldRespond);
            return r.StatusCode;
        }

        return SipRequestValidator.Validate(Assert.IsType<SipRequest>(r.Message), options).StatusCode;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void ParseAndValidate_ApplicationLayerCase_StatusCodeTheRfcNames(string name, int expected) =>
        Assert.Equal(expected, Answer(name));

    [Fact]
    public void Bext01_UnsupportedExtensions_ListedInUnsupported()
    {
        var request = (SipRequest)SipParser.Parse(TortureData.Load("bext01")).Message!;
        SipValidationResult v = SipRequestValidator.Validate(request);
        SipResponse response = v.CreateResponse(request, "t1");

        Assert.Equal(420, response.StatusCode);
        Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", response.Headers.GetFirst(SipHeaderNames.Unsupported));
        Assert.Equal("t1", response.To.Tag);
    }

    [Fact]
    public void Invut_UnsupportedMediaType_AnswerCarriesAccept()
    {
        var request = (SipRequest)SipParser.Parse(TortureData.Load("invut")).Message!;
        SipResponse response = SipRequestValidator.Validate(request).CreateResponse(request);

        Assert.Equal(415, response.StatusCode);
        Assert.Equal("application/sdp", response.Headers.GetFirst(SipHeaderNames.Accept));
    }

    [Fact]
    public void Zeromf_AsProxy_TooManyHops() =>
        Assert.Equal(483, Answer("zeromf", new SipValidationOptions { ActAsProxy = true }));

    [Fact]
    public void Cparam01_AddrSpecContact_ParameterBelongsToHeader()
    {
        SipNameAddress contact = Assert.Single(SipParser.Parse(TortureData.Load("cparam01")).Message!.Contacts);
        Assert.True(contact.Parameters.Contains("unknownparam"));
        Assert.False(contact.Uri.Parameters.Contains("unknownparam"));
    }

    [Fact]
    public void Cparam02_NameAddrContact_ParameterBelongsToUri()
    {
        SipNameAddress contact = Assert.Single(SipParser.Parse(TortureData.Load("cparam02")).Message!.Contacts);
        Assert.True(contact.Uri.Parameters.Contains("unknownparam"));
        Assert.False(contact.Parameters.Contains("unknownparam"));
    }

    [Fact]
    public void Regescrt_ContactUriWithEscapedHeader_Kept()
    {
        SipNameAddress contact = Assert.Single(SipParser.Parse(TortureData.Load("regescrt")).Message!.Contacts);
        Assert.Equal("Route=%3Csip:sip.example.com%3E", contact.Uri.Headers);
    }

    [Fact]
    public void Badbranch_MagicCookieOnly_NotAnRfc3261Branch()
    {
        SipVia via = SipParser.Parse(TortureData.Load("badbranch")).Message!.TopVia!;
        Assert.Equal("z9hG4bK", via.Branch);
        Assert.False(via.HasRfc3261Branch);
    }

    [Fact]
    public void Inv2543_Rfc2543Request_ParsedWithoutBranchTagOrMaxForwards()
    {
        var m = (SipRequest)SipParser.Parse(TortureData.Load("inv2543")).Message!;
        Assert.Null(m.TopVia!.Branch);
        Assert.False(m.TopVia.HasRfc3261Branch);
        Assert.Null(m.From.Tag);
        Assert.Null(m.MaxForwards);
        Assert.Equal("phone", m.To.Parameters["user"]); // addr-spec: the parameter belongs to the header
        Assert.Equal("ss1.example.com", Assert.Single(m.RecordRoutes).Uri.Parameters["maddr"]);
        Assert.Equal(SipMethods.Invite, m.Method);
    }

    [Fact]
    public void Bcast_ResponseWithBroadcastVia_Parsed()
    {
        var m = (SipResponse)SipParser.Parse(TortureData.Load("bcast")).Message!;
        Assert.Equal("255.255.255.255", m.Vias[1].Host);
    }

    [Fact]
    public void Suite_EveryTortureFile_IsCovered()
    {
        var covered = new HashSet<string>(StringComparer.Ordinal)
        {
            "wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq", "dblreq", "semiuri", "transports",
            "mpart01", "unreason", "noreason", "scalarlg", "bigcode", "bcast",
        };
        foreach (TheoryDataRow<string, int> row in Rfc4475InvalidMessageTests.InvalidRequests)
        {
            covered.Add(row.Data.Item1);
        }

        foreach (TheoryDataRow<string, int> row in Expected)
        {
            covered.Add(row.Data.Item1);
        }

        Assert.Equal(TortureData.AllNames().Order(), covered.Order());
    }
}
