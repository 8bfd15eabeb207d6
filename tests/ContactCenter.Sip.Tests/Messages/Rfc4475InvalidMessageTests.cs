using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Tests.Messages;

/// <summary>RFC 4475 §3.1.2: invalid messages are rejected — requests with 400 (505 for badvers), responses dropped.</summary>
public sealed class Rfc4475InvalidMessageTests
{
    public static TheoryData<string, int> InvalidRequests => new()
    {
        { "badinv01", 400 }, // empty Via and Contact parameters
        { "clerr", 400 },    // Content-Length larger than the datagram
        { "ncl", 400 },      // negative Content-Length
        { "scalar02", 400 }, // CSeq above 2**32-1, Max-Forwards above 255
        { "quotbal", 400 },  // unterminated quoted string in To
        { "ltgtruri", 400 }, // <> around the Request-URI
        { "lwsruri", 400 },  // whitespace inside the Request-URI
        { "lwsstart", 400 }, // two SPs in the request line
        { "trws", 400 },     // whitespace after SIP-Version
        { "escruri", 400 },  // headers in the Request-URI
        { "baddate", 400 },  // Date not in GMT
        { "regbadct", 400 }, // addr-spec Contact with '?' outside <>
        { "badaspec", 400 }, // whitespace inside <>
        { "baddn", 400 },    // unquoted display name with a comma
        { "badvers", 505 },  // SIP/7.0
        { "mismatch01", 400 }, // CSeq method differs from the method
        { "mismatch02", 400 }, // unknown method, CSeq says INVITE
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public void Parse_InvalidRequest_RejectedWithStatusAndResponseCanBeFormed(string name, int expected)
    {
        SipParseResult r = SipParser.Parse(TortureData.Load(name));

        Assert.False(r.IsSuccess);
        Assert.Equal(expected, r.StatusCode);
        Assert.False(string.IsNullOrEmpty(r.Error));
        Assert.True(r.ShouldRespond, $"{name}: a response should be formable");
        SipResponse response = r.RejectedRequest!.CreateResponse(r.StatusCode, toTag: "abc");
        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.Contains(SipHeaderNames.Via));
        SipParseResult reparsed = SipParser.Parse(response.ToBytes());
        Assert.True(reparsed.IsSuccess || reparsed.StatusCode == 0, "the rejection must itself serialize");
    }

    [Theory]
    [InlineData("scalarlg")] // CSeq and Warning code out of range
    [InlineData("bigcode")]  // status code 4294967301
    public void Parse_InvalidResponse_DroppedSilently(string name)
    {
        SipParseResult r = SipParser.Parse(TortureData.Load(name));

        Assert.False(r.IsSuccess);
        Assert.Equal(0, r.StatusCode);
        Assert.False(r.ShouldRespond);
    }

    [Fact]
    public void Parse_ResponseWithCodeAbove699_Dropped()
    {
        SipParseResult r = SipParser.Parse("SIP/2.0 700 Nope\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\nCall-ID: 1\r\nCSeq: 1 INVITE\r\n\r\n"u8);

        Assert.False(r.IsSuccess);
        Assert.Equal(0, r.StatusCode);
    }
}
