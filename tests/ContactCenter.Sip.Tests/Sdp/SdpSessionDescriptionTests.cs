using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Sdp;
using ContactCenter.Sip.Tests.Messages;

namespace ContactCenter.Sip.Tests.Sdp;

public sealed class SdpSessionDescriptionTests
{
    internal const string SippOffer =
        "v=0\r\no=user1 53655765 2353687637 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        "m=audio 6000 RTP/AVP 8 0 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:0 PCMU/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\n";

    [Fact]
    public void TryParse_TypicalOffer_ValuesRead()
    {
        Assert.True(SdpSessionDescription.TryParse(SippOffer, out SdpSessionDescription? sdp, out string? error), error);

        Assert.Equal(new SdpOrigin("user1", 53655765, 2353687637, "127.0.0.1"), sdp.Origin);
        Assert.Equal("-", sdp.SessionName);
        Assert.Equal("127.0.0.1", sdp.Connection!.Address);
        SdpMediaDescription audio = Assert.Single(sdp.Media);
        Assert.Equal(("audio", 6000, "RTP/AVP"), (audio.Media, audio.Port, audio.Protocol));
        Assert.Equal(["8", "0", "101"], audio.Formats);
        Assert.Equal(new SdpRtpMap(101, "telephone-event", 8000), audio.GetRtpMap(101));
        Assert.Equal("0-15", audio.GetFormatParameters(101));
        Assert.Equal(20, audio.Ptime);
        Assert.Null(audio.Direction);
        Assert.Equal(SdpDirection.SendRecv, sdp.GetDirection(audio));
    }

    [Fact]
    public void ToString_Parsed_RoundTripsExactly()
    {
        const string text =
            "v=0\r\no=- 1 2 IN IP6 ::1\r\ns=call\r\ni=info\r\nc=IN IP6 ::1\r\nb=AS:64\r\nt=0 0\r\na=recvonly\r\n" +
            "m=audio 4000/2 RTP/AVP 0\r\nc=IN IP4 192.0.2.1\r\na=x-custom:1 2\r\n" +
            "m=video 0 RTP/AVP 31\r\n";
        SdpSessionDescription sdp = SdpSessionDescription.Parse(text);

        Assert.Equal(text, sdp.ToString());
        Assert.Equal(2, sdp.Media[0].PortCount);
        Assert.Equal(SdpDirection.RecvOnly, sdp.GetDirection(sdp.Media[0]));
        Assert.Equal("192.0.2.1", sdp.GetConnection(sdp.Media[0])!.Address);
        Assert.True(sdp.Media[1].IsRejected);
    }

    [Theory]
    [InlineData("o=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\n", "v=0")]
    [InlineData("v=0\r\no=- x 1 IN IP4 h\r\ns=-\r\nt=0 0\r\n", "o=")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\nt=0 0\r\n", "s=")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 70000 RTP/AVP 0\r\nc=IN IP4 h\r\n", "m=")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n", "connection")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nm =video 3227 RTP/AVP 31\r\n", "x=value")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nt=0 0\r\nc=IN IP4\r\n", "c=")]
    public void TryParse_Invalid_FailsWithReason(string text, string reasonPart)
    {
        Assert.False(SdpSessionDescription.TryParse(text, out _, out string? error));
        Assert.Contains(reasonPart, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TortureMessages_SdpBodies_ParseAndAnswerWithPcmu()
    {
        int bodies = 0;
        foreach (string name in TortureData.AllNames())
        {
            SipParseResult r = SipParser.Parse(TortureData.Load(name));
            if (!r.IsSuccess || r.Message.ContentType != "application/sdp")
            {
                continue;
            }

            bodies++;
            Assert.True(SdpSessionDescription.TryParse(r.Message.Body.Span, out SdpSessionDescription? offer, out string? error), $"{name}: {error}");
            SdpNegotiationResult result = SdpNegotiator.CreateAnswer(offer, new SdpLocalMedia { Address = "192.0.2.200", AudioPort = 30000 });
            Assert.True(result.IsSuccess, name);
            Assert.Equal("PCMU", result.Codec!.EncodingName);
            Assert.Equal(offer.Media.Count, result.Answer!.Media.Count);
        }

        Assert.True(bodies >= 5);
    }
}
