using System.Net;
using ContactCenter.Sip.Auth;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.UserAgents;

/// <summary>The user agent client over an in-memory transport and a fake clock; the test plays the callee.</summary>
public sealed class UacTests
{
    private static readonly SipUri Callee = SipUri.Parse("sip:peer@192.0.2.1:5062");
    private static readonly SipBody Offer = SipBody.Sdp("v=0\r\no=cc 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly StackHarness _h = new();

    private SipRequest SentRequest(string method) =>
        _h.Transport.Drain().OfType<SipRequest>().Single(r => r.Method == method);

    private static SipResponse Answer(SipRequest request, int status, string toTag = "callee")
    {
        var response = request.CreateResponse(status, toTag: status == 100 ? null : toTag);
        if (status is > 100 and < 300)
        {
            response.Headers.Add(SipHeaderNames.Contact, "<sip:peer@192.0.2.1:5062>");
        }

        return response;
    }

    [Fact]
    public async Task Dial_Answered_AckSentAndCallEstablished()
    {
        var ringing = 0;
        var dial = _h.Core.DialAsync(Callee, Offer, new SipDialOptions { Progress = _ => ringing++ }, CancellationToken.None);
        var invite = SentRequest(SipMethods.Invite);
        Assert.Equal(Offer.Text, System.Text.Encoding.UTF8.GetString(invite.Body.Span));
        Assert.NotNull(invite.From.Tag);
        Assert.True(invite.TopVia!.HasRfc3261Branch);

        _h.Receive(Answer(invite, 180));
        var ok = Answer(invite, 200);
        ok.SetBody("application/sdp", "v=0\r\n"u8.ToArray());
        _h.Receive(ok);

        var result = await dial.WaitAsync(Wait);
        Assert.True(result.IsAnswered);
        Assert.Equal(1, ringing);
        var ack = SentRequest(SipMethods.Ack);
        Assert.Equal(invite.CSeq.Sequence, ack.CSeq.Sequence);
        Assert.NotEqual(invite.TopVia.Branch, ack.TopVia!.Branch);
        Assert.Equal("callee", ack.To.Tag);
        Assert.Equal("v=0\r\n", result.Call.RemoteSdp!.Value.Text);
        Assert.True(result.Call.Confirmed.IsCompleted);

        // A retransmitted 2xx gets the same ACK again (RFC 3261 section 13.2.2.4).
        _h.Receive(ok);
        Assert.Equal(ack.TopVia.Branch, SentRequest(SipMethods.Ack).TopVia!.Branch);
    }

    private static SipBody LargeOffer()
    {
        // A realistic large offer: many codecs push an INVITE past the 1,300 bytes of RFC 3261 section 18.1.1.
        var text = new System.Text.StringBuilder(Offer.Text);
        for (var pt = 96; pt < 128; pt++)
        {
            text.Append("a=rtpmap:").Append(pt).Append(" codec-").Append(pt).Append("/48000/2\r\n");
        }

        return SipBody.Sdp(text.ToString());
    }

    [Fact]
    public async Task Dial_InviteOver1300BytesWithTcpTransport_SentOverTcp()
    {
        var tcp = new FakeTransport(Sip.Transport.SipTransportProtocol.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));
        _h.Core.AttachTransports(_h.Transport, tcp);

        var dial = _h.Core.DialAsync(Callee, LargeOffer(), null, CancellationToken.None);

        var (to, message) = Assert.Single(tcp.Sent);
        var invite = Assert.IsType<SipRequest>(message);
        Assert.True(invite.ToBytes().Length > 1300);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 5062), to);
        Assert.Equal("TCP", invite.TopVia!.Transport);
        Assert.Contains(";transport=tcp", invite.Headers.GetFirst(SipHeaderNames.Contact), StringComparison.Ordinal);
        Assert.Empty(_h.Transport.Sent);
        _h.Receive(Answer(invite, 486));
        Assert.Equal(486, (await dial.WaitAsync(Wait)).StatusCode);
    }

    [Fact]
    public void Dial_InviteOver1300BytesWithoutTcp_SentOverUdpAndReported()
    {
        _ = _h.Core.DialAsync(Callee, LargeOffer(), null, CancellationToken.None);

        Assert.Equal("UDP", SentRequest(SipMethods.Invite).TopVia!.Transport);
        var diagnostic = Assert.Single(_h.Diagnostics, d => d.Kind == Sip.Transport.SipDiagnosticKind.Oversized);
        Assert.Contains("18.1.1", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dial_NoAnswerOnUdp_InviteRetransmittedThen408()
    {
        var dial = _h.Core.DialAsync(Callee, Offer, null, CancellationToken.None);

        _h.Run(TimeSpan.FromSeconds(33));

        var result = await dial.WaitAsync(Wait);
        Assert.Equal(408, result.StatusCode);
        Assert.Equal(7, _h.Transport.Drain().Count(m => m is SipRequest { Method: SipMethods.Invite }));
    }

    [Fact]
    public async Task Dial_Busy_AckSameBranchAndResult486()
    {
        var dial = _h.Core.DialAsync(Callee, Offer, null, CancellationToken.None);
        var invite = SentRequest(SipMethods.Invite);

        _h.Receive(Answer(invite, 486));

        var result = await dial.WaitAsync(Wait);
        Assert.Equal(486, result.StatusCode);
        Assert.False(result.IsAnswered);
        var ack = SentRequest(SipMethods.Ack);
        Assert.Equal(invite.TopVia!.Branch, ack.TopVia!.Branch);
        Assert.Equal("callee", ack.To.Tag);
    }

    [Fact]
    public async Task Dial_CancelledWhileRinging_CancelSentAndResult487()
    {
        using var cancel = new CancellationTokenSource();
        var dial = _h.Core.DialAsync(Callee, Offer, null, cancel.Token);
        var invite = SentRequest(SipMethods.Invite);

        await cancel.CancelAsync();
        Assert.Empty(_h.Transport.Drain());
        _h.Receive(Answer(invite, 180));

        var cancelRequest = SentRequest(SipMethods.Cancel);
        Assert.Equal(invite.TopVia!.Branch, cancelRequest.TopVia!.Branch);
        Assert.Equal(invite.CSeq.Sequence, cancelRequest.CSeq.Sequence);
        _h.Receive(cancelRequest.CreateResponse(200));
        _h.Receive(Answer(invite, 487));

        var result = await dial.WaitAsync(Wait);
        Assert.Equal(487, result.StatusCode);
        Assert.Single(_h.Transport.Drain().OfType<SipRequest>(), r => r.Method == SipMethods.Ack);
    }

    [Theory]
    [InlineData(401, "WWW-Authenticate", "Authorization")]
    [InlineData(407, "Proxy-Authenticate", "Proxy-Authorization")]
    public async Task Dial_Challenged_RetriedOnceWithCredentials(int status, string challengeHeader, string answerHeader)
    {
        var server = new DigestServer("trunk", [DigestAlgorithm.Sha256], new NonceManager(_h.Time, TimeSpan.FromMinutes(5)), u => u == "cc" ? "pw" : null);
        var dial = _h.Core.DialAsync(Callee, Offer, new SipDialOptions { Credentials = new NetworkCredential("cc", "pw") }, CancellationToken.None);
        var invite = SentRequest(SipMethods.Invite);
        var challenge = Answer(invite, status);
        challenge.Headers.Add(challengeHeader, server.CreateChallenges(false)[0]);

        _h.Receive(challenge);

        var retry = await _h.Transport.WaitForAsync<SipRequest>(r => r.Method == SipMethods.Invite, Wait);
        Assert.Equal(invite.TopVia!.Branch, SentRequest(SipMethods.Ack).TopVia!.Branch);
        Assert.Equal(invite.CSeq.Sequence + 1, retry.CSeq.Sequence);
        Assert.Equal(invite.CallId, retry.CallId);
        Assert.Equal(invite.From.Tag, retry.From.Tag);
        Assert.NotEqual(invite.TopVia.Branch, retry.TopVia!.Branch);
        Assert.Equal(invite.Body.ToArray(), retry.Body.ToArray());
        Assert.Equal(DigestOutcome.Accepted, server.Verify(SipMethods.Invite, retry.Headers.GetFirst(answerHeader), retry.RequestUri).Outcome);

        _h.Receive(Answer(retry, 200));
        Assert.True((await dial.WaitAsync(Wait)).IsAnswered);
    }

    [Fact]
    public async Task Dial_ChallengedTwice_SecondChallengeIsTheResult()
    {
        var server = new DigestServer("trunk", [DigestAlgorithm.Md5], new NonceManager(_h.Time, TimeSpan.FromMinutes(5)), _ => "other");
        var dial = _h.Core.DialAsync(Callee, Offer, new SipDialOptions { Credentials = new NetworkCredential("cc", "pw") }, CancellationToken.None);
        var invite = SentRequest(SipMethods.Invite);
        var challenge = Answer(invite, 401);
        challenge.Headers.Add(SipHeaderNames.WwwAuthenticate, server.CreateChallenges(false)[0]);
        _h.Receive(challenge);
        var retry = await _h.Transport.WaitForAsync<SipRequest>(r => r.Method == SipMethods.Invite, Wait);
        var again = Answer(retry, 401);
        again.Headers.Add(SipHeaderNames.WwwAuthenticate, server.CreateChallenges(false)[0]);

        _h.Receive(again);

        Assert.Equal(401, (await dial.WaitAsync(Wait)).StatusCode);
    }

    [Fact]
    public async Task Call_ReinviteHold_AckedAndSdpUpdated()
    {
        var dial = _h.Core.DialAsync(Callee, Offer, null, CancellationToken.None);
        var invite = SentRequest(SipMethods.Invite);
        _h.Receive(Answer(invite, 200));
        var call = (await dial.WaitAsync(Wait)).Call!;
        _h.Transport.Drain();
        var hold = SipBody.Sdp(Offer.Text + "a=sendonly\r\n");

        var reinvite = call.ReinviteAsync(hold);
        var request = SentRequest(SipMethods.Invite);
        Assert.Equal(invite.CSeq.Sequence + 1, request.CSeq.Sequence);
        Assert.Equal("callee", request.To.Tag);
        var ok = Answer(request, 200);
        ok.SetBody("application/sdp", "v=0\r\na=recvonly\r\n"u8.ToArray());
        _h.Receive(ok);

        Assert.Equal(200, (await reinvite.WaitAsync(Wait)).StatusCode);
        Assert.Equal(request.CSeq.Sequence, SentRequest(SipMethods.Ack).CSeq.Sequence);
        Assert.Equal(hold, call.LocalSdp);
        Assert.Contains("recvonly", call.RemoteSdp!.Value.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reinvite_Refused491_RetriedAfterOwnersRandomDelayOnTheClock()
    {
        var dial = _h.Core.DialAsync(Callee, Offer, null, CancellationToken.None);
        var invite = SentRequest(SipMethods.Invite);
        _h.Receive(Answer(invite, 200));
        var call = (await dial.WaitAsync(Wait)).Call!;
        _h.Transport.Drain();
        var hold = SipBody.Sdp(Offer.Text + "a=sendonly\r\n");

        var reinvite = call.ReinviteAsync(hold);
        var first = SentRequest(SipMethods.Invite);
        _h.Receive(Answer(first, 491));
        Assert.Equal(first.TopVia!.Branch, SentRequest(SipMethods.Ack).TopVia!.Branch);

        // We placed the call, so we own the Call-ID: the retry waits 2.1-4 s (RFC 3261 section 14.1), counted from the 491.
        _h.Run(TimeSpan.FromMilliseconds(2050));
        Assert.DoesNotContain(_h.Transport.Drain(), m => m is SipRequest { Method: SipMethods.Invite });
        _h.Run(TimeSpan.FromMilliseconds(1950));
        var retried = _h.Transport.WaitForAsync<SipRequest>(r => r.Method == SipMethods.Invite, Wait);
        if (await Task.WhenAny(retried, Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken)) != retried)
        {
            // The 491's continuation runs on the thread pool: one that measured its wait just before the clock's last
            // step arms its timer one step (50 ms of fake time) late.
            _h.Run(TimeSpan.FromMilliseconds(50));
        }

        var retry = await retried;
        Assert.True(retry.CSeq.Sequence > first.CSeq.Sequence);
        Assert.NotEqual(first.TopVia.Branch, retry.TopVia!.Branch);
        Assert.Equal(hold.Text, System.Text.Encoding.UTF8.GetString(retry.Body.Span));
        var ok = Answer(retry, 200);
        ok.SetBody("application/sdp", "v=0\r\na=recvonly\r\n"u8.ToArray());
        _h.Receive(ok);

        Assert.Equal(200, (await reinvite.WaitAsync(Wait)).StatusCode);
        Assert.Equal(hold, call.LocalSdp);
        Assert.Contains("recvonly", call.RemoteSdp!.Value.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GlareRetryDelay_OwnerAndOther_WithinSection14Ranges()
    {
        for (var i = 0; i < 1000; i++)
        {
            var owner = SipCall.GlareRetryDelay(ownsCallId: true);
            var other = SipCall.GlareRetryDelay(ownsCallId: false);
            Assert.InRange(owner, TimeSpan.FromMilliseconds(2100), TimeSpan.FromSeconds(4));
            Assert.InRange(other, TimeSpan.Zero, TimeSpan.FromSeconds(2));
            Assert.Equal(0, owner.Milliseconds % 10);
        }
    }

    [Fact]
    public async Task Call_TransferAndDtmf_ReferAndInfoSent()
    {
        var dial = _h.Core.DialAsync(Callee, Offer, null, CancellationToken.None);
        var invite = SentRequest(SipMethods.Invite);
        _h.Receive(Answer(invite, 200));
        var call = (await dial.WaitAsync(Wait)).Call!;
        _h.Transport.Drain();

        var transfer = call.TransferAsync(SipUri.Parse("sip:queue@192.0.2.20"));
        var refer = SentRequest(SipMethods.Refer);
        Assert.Equal("<sip:queue@192.0.2.20>", refer.Headers.GetFirst(SipHeaderNames.ReferTo));
        _h.Receive(refer.CreateResponse(202));
        Assert.Equal(202, await transfer.WaitAsync(Wait));

        var dtmf = call.SendDtmfAsync('#');
        var info = SentRequest(SipMethods.Info);
        Assert.Equal("application/dtmf-relay", info.ContentType);
        Assert.Equal("Signal=#\r\nDuration=160\r\n", System.Text.Encoding.ASCII.GetString(info.Body.Span));
        _h.Receive(info.CreateResponse(200));
        Assert.Equal(200, await dtmf.WaitAsync(Wait));
    }

    [Fact]
    public async Task Call_PeerHangsUp_EndedRemoteHangup()
    {
        var dial = _h.Core.DialAsync(Callee, Offer, null, CancellationToken.None);
        var invite = SentRequest(SipMethods.Invite);
        _h.Receive(Answer(invite, 200));
        var call = (await dial.WaitAsync(Wait)).Call!;
        _h.Transport.Drain();

        var bye = $"BYE sip:cc@192.0.2.10:5060 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5062;branch=z9hG4bKpeerbye\r\nMax-Forwards: 70\r\n" +
            $"From: {call.RemoteAddress}\r\nTo: {call.LocalAddress}\r\nCall-ID: {call.CallId}\r\nCSeq: 10 BYE\r\nContent-Length: 0\r\n\r\n";
        _h.Receive(bye);

        Assert.Equal(200, Assert.Single(_h.Responses()).StatusCode);
        Assert.Equal(SipCallEndReason.RemoteHangup, await call.Ended.WaitAsync(Wait));
    }
}
