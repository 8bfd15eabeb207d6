using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.Tests.Sdp;

public sealed class SdpNegotiatorTests
{
    private static readonly SdpLocalMedia s_local = new() { Address = "192.0.2.10", AudioPort = 40000, SessionId = 7, SessionVersion = 1 };

    private static SdpSessionDescription Offer(string media, string attributes = "", string connection = "198.51.100.7") =>
        SdpSessionDescription.Parse($"v=0\r\no=- 1 1 IN IP4 {connection}\r\ns=-\r\nc=IN IP4 {connection}\r\nt=0 0\r\n{media}\r\n{attributes}");

    [Fact]
    public void CreateAnswer_SippStyleOffer_FollowsOfferOrderAndKeepsDtmfPayloadType()
    {
        SdpSessionDescription offer = SdpSessionDescription.Parse(SdpSessionDescriptionTests.SippOffer);

        SdpNegotiationResult r = SdpNegotiator.CreateAnswer(offer, s_local);

        Assert.True(r.IsSuccess);
        Assert.Equal(new SdpRtpMap(8, "PCMA", 8000), r.Codec);
        Assert.Equal(new SdpRtpMap(101, "telephone-event", 8000), r.TelephoneEvent);
        Assert.Equal(("127.0.0.1", 6000), (r.RemoteAddress, r.RemotePort));
        Assert.Equal(SdpDirection.SendRecv, r.Direction);
        Assert.Equal(20, r.PacketTime);
        SdpSessionDescription answer = r.Answer!;
        Assert.Equal("192.0.2.10", answer.Connection!.Address);
        Assert.Equal(new SdpOrigin("-", 7, 1, "192.0.2.10"), answer.Origin);
        SdpMediaDescription audio = Assert.Single(answer.Media);
        Assert.Equal(40000, audio.Port);
        Assert.Equal(["8", "101"], audio.Formats);
        Assert.Equal("0-15", audio.GetFormatParameters(101));
        Assert.Equal(SdpDirection.SendRecv, audio.Direction);
        Assert.True(SdpSessionDescription.TryParse(answer.ToString(), out _, out _));
    }

    [Fact]
    public void CreateAnswer_VideoAndAudio_VideoRejectedInPlace()
    {
        SdpSessionDescription offer = Offer("m=video 5000 RTP/AVP 31\r\nm=audio 5002 RTP/AVP 18 0");

        SdpNegotiationResult r = SdpNegotiator.CreateAnswer(offer, s_local);

        Assert.True(r.IsSuccess);
        Assert.Equal(2, r.Answer!.Media.Count);
        Assert.Equal(("video", 0), (r.Answer.Media[0].Media, r.Answer.Media[0].Port));
        Assert.Equal(["31"], r.Answer.Media[0].Formats);
        Assert.Equal(["0"], r.Answer.Media[1].Formats);
        Assert.Equal(5002, r.RemotePort);
        Assert.Null(r.TelephoneEvent);
    }

    [Theory]
    [InlineData("sendrecv", SdpDirection.SendRecv, SdpDirection.SendRecv)]
    [InlineData("sendonly", SdpDirection.SendRecv, SdpDirection.RecvOnly)]
    [InlineData("recvonly", SdpDirection.SendRecv, SdpDirection.SendOnly)]
    [InlineData("inactive", SdpDirection.SendRecv, SdpDirection.Inactive)]
    [InlineData("sendrecv", SdpDirection.SendOnly, SdpDirection.SendOnly)]
    [InlineData("sendonly", SdpDirection.SendOnly, SdpDirection.Inactive)]
    [InlineData("recvonly", SdpDirection.RecvOnly, SdpDirection.Inactive)]
    [InlineData("sendrecv", SdpDirection.Inactive, SdpDirection.Inactive)]
    public void CreateAnswer_Direction_NarrowsOffer(string offered, SdpDirection wanted, SdpDirection expected)
    {
        SdpSessionDescription offer = Offer("m=audio 5000 RTP/AVP 0", $"a={offered}\r\n");

        SdpNegotiationResult r = SdpNegotiator.CreateAnswer(offer, new SdpLocalMedia { Address = "192.0.2.10", AudioPort = 40000, Direction = wanted });

        Assert.Equal(expected, r.Direction);
        Assert.Equal(expected, r.Answer!.Media[0].Direction);
    }

    [Fact]
    public void CreateAnswer_Rfc2543HoldAddress_TreatedAsSendOnly()
    {
        SdpNegotiationResult r = SdpNegotiator.CreateAnswer(Offer("m=audio 5000 RTP/AVP 0", connection: "0.0.0.0"), s_local);

        Assert.Equal(SdpDirection.RecvOnly, r.Direction);
    }

    [Theory]
    [InlineData("m=audio 5000 RTP/AVP 18")]           // G.729 only
    [InlineData("m=audio 0 RTP/AVP 0")]               // stream disabled
    [InlineData("m=audio 5000 RTP/SAVP 0")]           // SRTP not offered here
    [InlineData("m=video 5000 RTP/AVP 31")]           // no audio
    [InlineData("m=audio 5000 RTP/AVP 101\r\na=rtpmap:101 telephone-event/8000")] // DTMF alone is no call
    public void CreateAnswer_NothingAcceptable_488(string media)
    {
        SdpNegotiationResult r = SdpNegotiator.CreateAnswer(Offer(media), s_local);

        Assert.False(r.IsSuccess);
        Assert.Equal(488, r.StatusCode);
        Assert.NotNull(r.Error);
    }

    [Fact]
    public void CreateAnswer_DynamicPayloadTypeForPcmu_MatchedByName()
    {
        SdpNegotiationResult r = SdpNegotiator.CreateAnswer(Offer("m=audio 5000 RTP/AVP 97 96", "a=rtpmap:97 pcmu/8000\r\na=rtpmap:96 telephone-event/8000\r\n"), s_local);

        Assert.Equal(97, r.Codec!.PayloadType);
        Assert.Equal(96, r.TelephoneEvent!.PayloadType);
        Assert.Equal("0-16", r.Answer!.Media[0].GetFormatParameters(96));
    }

    [Fact]
    public void OfferAnswerProcess_TwoSides_AgreeOnCodecEndpointsAndHold()
    {
        var alice = new SdpLocalMedia { Address = "192.0.2.1", AudioPort = 10000, Codecs = [SdpCodec.Pcma, SdpCodec.Pcmu, SdpCodec.TelephoneEvent], Direction = SdpDirection.SendOnly };
        var bob = new SdpLocalMedia { Address = "192.0.2.2", AudioPort = 20000 };

        SdpSessionDescription offer = SdpNegotiator.CreateOffer(alice);
        SdpNegotiationResult atBob = SdpNegotiator.CreateAnswer(SdpSessionDescription.Parse(offer.ToString()), bob);
        SdpNegotiationResult atAlice = SdpNegotiator.ProcessAnswer(offer, SdpSessionDescription.Parse(atBob.Answer!.ToString()));

        Assert.True(atAlice.IsSuccess, atAlice.Error);
        Assert.Equal("PCMA", atBob.Codec!.EncodingName);
        Assert.Equal("PCMA", atAlice.Codec!.EncodingName);
        Assert.Equal(101, atAlice.TelephoneEvent!.PayloadType);
        Assert.Equal(("192.0.2.1", 10000), (atBob.RemoteAddress, atBob.RemotePort));
        Assert.Equal(("192.0.2.2", 20000), (atAlice.RemoteAddress, atAlice.RemotePort));
        Assert.Equal(SdpDirection.RecvOnly, atBob.Direction);
        Assert.Equal(SdpDirection.SendOnly, atAlice.Direction);
    }

    [Fact]
    public void ProcessAnswer_WrongSectionCount_488()
    {
        SdpSessionDescription offer = SdpNegotiator.CreateOffer(s_local);
        SdpSessionDescription answer = SdpSessionDescription.Parse("v=0\r\no=- 1 1 IN IP4 h\r\ns=-\r\nc=IN IP4 h\r\nt=0 0\r\n");

        Assert.Equal(488, SdpNegotiator.ProcessAnswer(offer, answer).StatusCode);
    }
}
