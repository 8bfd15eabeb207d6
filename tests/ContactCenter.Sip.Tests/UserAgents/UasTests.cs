using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Tests.UserAgents;

/// <summary>The user agent server over an in-memory transport and a fake clock.</summary>
public sealed class UasTests
{
    private const string Offer = "v=0\r\no=peer 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
    private static readonly SipBody Answer = SipBody.Sdp("v=0\r\no=cc 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n");
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource<SipIncomingCall> _incoming = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StackHarness _h;

    public UasTests() => _h = new StackHarness(call =>
    {
        _incoming.TrySetResult(call);
        return Task.CompletedTask;
    });

    private async Task<SipIncomingCall> InviteAsync(string branch = "z9hG4bKinv1")
    {
        _h.Receive(StackHarness.Request(SipMethods.Invite, branch, body: Offer));
        return await _incoming.Task.WaitAsync(Wait);
    }

    private async Task<(SipCall Call, SipResponse Ok)> EstablishAsync()
    {
        var incoming = await InviteAsync();
        Assert.True(incoming.TryAccept(Answer, out var call));
        var ok = _h.Responses().Single(r => r.StatusCode == 200);
        _h.Receive(StackHarness.Request(SipMethods.Ack, "z9hG4bKack1", toTag: ok.To.Tag, cseqMethod: SipMethods.Ack));
        await call.Confirmed.WaitAsync(Wait);
        return (call, ok);
    }

    [Fact]
    public async Task Invite_New_100TryingAndHandlerSeesOffer()
    {
        var incoming = await InviteAsync();

        Assert.Equal(100, Assert.Single(_h.Responses()).StatusCode);
        Assert.Equal(Offer, incoming.Offer!.Value.Text);
        Assert.Equal("peer", incoming.From.Tag);
    }

    [Fact]
    public async Task Invite_Retransmitted_AbsorbedAndLatestResponseResent()
    {
        var incoming = await InviteAsync();
        incoming.Ring();
        _h.Responses();

        _h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKinv1", body: Offer));

        Assert.Equal(180, Assert.Single(_h.Responses()).StatusCode);
    }

    [Fact]
    public async Task Ring_EarlyMedia_183WithAnswerAndSameTagAs200()
    {
        var incoming = await InviteAsync();

        Assert.True(incoming.Ring(earlyMedia: true, earlyAnswer: Answer));
        Assert.True(incoming.TryAccept(Answer, out _));

        var responses = _h.Responses();
        var progress = responses.Single(r => r.StatusCode == 183);
        var ok = responses.Single(r => r.StatusCode == 200);
        Assert.Equal(Answer.Text, System.Text.Encoding.UTF8.GetString(progress.Body.Span));
        Assert.NotNull(progress.To.Tag);
        Assert.Equal(progress.To.Tag, ok.To.Tag);
        Assert.Single(ok.Contacts);
    }

    [Fact]
    public async Task Accept_NoAck_200RetransmittedThenByeSentAndCallEnds()
    {
        var incoming = await InviteAsync();
        Assert.True(incoming.TryAccept(Answer, out var call));
        _h.Responses();

        _h.Run(TimeSpan.FromSeconds(2));
        Assert.Equal(2, _h.Responses().Count(r => r.StatusCode == 200));

        _h.Run(TimeSpan.FromSeconds(31));

        Assert.Equal(SipCallEndReason.NoAck, await call.Ended.WaitAsync(Wait));
        Assert.Contains(_h.Transport.Drain(), m => m is SipRequest { Method: SipMethods.Bye });
    }

    [Fact]
    public async Task Accept_Acked_RetransmissionsStop()
    {
        var (call, _) = await EstablishAsync();
        _h.Responses();

        _h.Run(TimeSpan.FromSeconds(10));

        Assert.Empty(_h.Responses());
        Assert.True(call.IsActive);
    }

    [Fact]
    public async Task Reject_486_AckForFailureAbsorbedByTransaction()
    {
        var incoming = await InviteAsync();
        Assert.True(incoming.Reject());
        var busy = _h.Responses().Single(r => r.StatusCode == 486);

        _h.Receive(StackHarness.Request(SipMethods.Ack, "z9hG4bKinv1", toTag: busy.To.Tag, cseqMethod: SipMethods.Ack));
        _h.Run(TimeSpan.FromSeconds(40));

        Assert.Empty(_h.Responses());
        Assert.False(incoming.TryAccept(Answer, out _));
    }

    [Fact]
    public async Task Cancel_WhileRinging_200To487AndTokenFires()
    {
        var incoming = await InviteAsync();
        incoming.Ring();
        _h.Responses();

        _h.Receive(StackHarness.Request(SipMethods.Cancel, "z9hG4bKinv1"));

        var responses = _h.Responses();
        var cancelOk = responses.Single(r => r.StatusCode == 200 && r.CSeq.Method == SipMethods.Cancel);
        var terminated = responses.Single(r => r.StatusCode == 487 && r.CSeq.Method == SipMethods.Invite);
        Assert.NotNull(terminated.To.Tag);
        Assert.Equal(terminated.To.Tag, cancelOk.To.Tag);
        Assert.True(incoming.Cancelled.IsCancellationRequested);
        Assert.False(incoming.TryAccept(Answer, out _));
    }

    [Fact]
    public async Task Cancel_AfterAccept_200CarriesTheInvite200sToTag()
    {
        var incoming = await InviteAsync();
        Assert.True(incoming.TryAccept(Answer, out _));
        var ok = _h.Responses().Single(r => r.StatusCode == 200);

        _h.Receive(StackHarness.Request(SipMethods.Cancel, "z9hG4bKinv1"));

        var cancelOk = Assert.Single(_h.Responses(), r => r.CSeq.Method == SipMethods.Cancel);
        Assert.Equal(200, cancelOk.StatusCode);
        Assert.Equal(ok.To.Tag, cancelOk.To.Tag);
    }

    [Fact]
    public void Cancel_UnknownTransaction_481()
    {
        _h.Receive(StackHarness.Request(SipMethods.Cancel, "z9hG4bKnothing"));

        Assert.Equal(481, Assert.Single(_h.Responses()).StatusCode);
    }

    [Fact]
    public async Task Bye_FromPeer_200AndCallEndsRemoteHangup()
    {
        var (call, ok) = await EstablishAsync();

        _h.Receive(StackHarness.Request(SipMethods.Bye, "z9hG4bKbye1", cseq: 2, toTag: ok.To.Tag));

        Assert.Equal(200, Assert.Single(_h.Responses()).StatusCode);
        Assert.Equal(SipCallEndReason.RemoteHangup, await call.Ended.WaitAsync(Wait));
    }

    [Fact]
    public async Task Hangup_SendsByeInDialog()
    {
        var (call, ok) = await EstablishAsync();

        var hangup = call.HangupAsync();
        var bye = Assert.IsType<SipRequest>(Assert.Single(_h.Transport.Drain()));
        Assert.Equal(SipMethods.Bye, bye.Method);
        Assert.Equal("sip:peer@192.0.2.1:5062", bye.RequestUri.ToString());
        Assert.Equal(ok.To.Tag, bye.From.Tag);
        Assert.Equal("peer", bye.To.Tag);
        _h.Receive(bye.CreateResponse(200));

        Assert.Equal(200, await hangup.WaitAsync(Wait));
        Assert.Equal(SipCallEndReason.LocalHangup, await call.Ended);
    }

    [Fact]
    public async Task Hangup_InboundTcpCall_ByeGoesToContactNotTheCallersConnectionPort()
    {
        var incoming = new TaskCompletionSource<SipIncomingCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        var h = new StackHarness(
            c =>
            {
                incoming.TrySetResult(c);
                return Task.CompletedTask;
            },
            protocol: SipTransportProtocol.Tcp);

        // The caller connects from an ephemeral port; its Contact names where it listens (192.0.2.1:5062).
        var connection = new System.Net.IPEndPoint(StackHarness.Peer.Address, 49_152);
        h.Pipeline.OnMessage(h.Transport, connection, System.Text.Encoding.UTF8.GetBytes(StackHarness.Request(SipMethods.Invite, "z9hG4bKtcp", body: Offer)));
        Assert.True((await incoming.Task.WaitAsync(Wait)).TryAccept(Answer, out var call));
        Assert.Contains(h.Transport.Sent, s => s.Message is SipResponse { StatusCode: 200 } && s.To.Equals(connection));
        h.Transport.Sent.Clear();

        _ = call.HangupAsync();

        var (to, bye) = Assert.Single(h.Transport.Sent);
        Assert.Equal(SipMethods.Bye, ((SipRequest)bye).Method);
        Assert.Equal(StackHarness.Peer, to);
    }

    [Fact]
    public async Task Bye_BeforeAck_Ends2xxRetransmissions()
    {
        var incoming = await InviteAsync();
        Assert.True(incoming.TryAccept(Answer, out var call));
        var ok = _h.Responses().Single(r => r.StatusCode == 200);

        _h.Receive(StackHarness.Request(SipMethods.Bye, "z9hG4bKbye1", cseq: 2, toTag: ok.To.Tag));
        Assert.Equal(200, Assert.Single(_h.Responses()).StatusCode);
        _h.Run(TimeSpan.FromSeconds(40));

        Assert.Empty(_h.Transport.Drain());
        Assert.Equal(SipCallEndReason.RemoteHangup, await call.Ended.WaitAsync(Wait));
    }

    [Fact]
    public async Task Bye_InEarlyDialog_200AndInvite487AtOnce()
    {
        var incoming = await InviteAsync();
        incoming.Ring();
        var ringing = _h.Responses().Single(r => r.StatusCode == 180);

        // The caller hangs up after our 180 with a To tag (RFC 3261 section 15.1.2).
        _h.Receive(StackHarness.Request(SipMethods.Bye, "z9hG4bKearlybye", cseq: 2, toTag: ringing.To.Tag));

        var responses = _h.Responses();
        Assert.Equal(200, responses.Single(r => r.CSeq.Method == SipMethods.Bye).StatusCode);
        var terminated = responses.Single(r => r.CSeq.Method == SipMethods.Invite);
        Assert.Equal(487, terminated.StatusCode);
        Assert.Equal(ringing.To.Tag, terminated.To.Tag);
        Assert.True(incoming.Cancelled.IsCancellationRequested);
        Assert.False(incoming.TryAccept(Answer, out _));
        Assert.Equal(0, _h.Core.ActiveCalls);
    }

    [Fact]
    public void Bye_UnknownDialog_481()
    {
        _h.Receive(StackHarness.Request(SipMethods.Bye, "z9hG4bKbye", toTag: "nobody"));

        Assert.Equal(481, Assert.Single(_h.Responses()).StatusCode);
    }

    [Fact]
    public async Task Reinvite_Hold_HandlerAnswersAndRemoteSdpUpdated()
    {
        var (call, ok) = await EstablishAsync();
        var hold = Offer + "a=sendonly\r\n";
        var held = SipBody.Sdp(Answer.Text + "a=recvonly\r\n");
        call.ReinviteReceived += (_, e) => e.Answer = held;

        _h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKreinv", cseq: 2, toTag: ok.To.Tag, body: hold));

        var response = _h.Responses().Single(r => r.StatusCode == 200);
        Assert.Equal(held.Text, System.Text.Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(hold, call.RemoteSdp!.Value.Text);
    }

    [Fact]
    public async Task Reinvite_Refused491_RetriedWithinTwoSecondsByTheOtherSide()
    {
        var (call, ok) = await EstablishAsync();
        _h.Transport.Drain();
        var hold = SipBody.Sdp(Answer.Text + "a=sendonly\r\n");

        var reinvite = call.ReinviteAsync(hold);
        var first = await _h.Transport.WaitForAsync<SipRequest>(r => r.Method == SipMethods.Invite, Wait);
        _h.Receive(first.CreateResponse(491, toTag: null));

        // The peer placed the call and owns the Call-ID; we wait 0-2 s (RFC 3261 section 14.1).
        _h.Run(TimeSpan.FromMilliseconds(2050));
        var retry = await _h.Transport.WaitForAsync<SipRequest>(r => r.Method == SipMethods.Invite, Wait);
        Assert.True(retry.CSeq.Sequence > first.CSeq.Sequence);
        var accepted = retry.CreateResponse(200, toTag: null);
        accepted.SetBody("application/sdp", System.Text.Encoding.UTF8.GetBytes(Offer + "a=recvonly\r\n"));
        _h.Receive(accepted);

        Assert.Equal(200, (await reinvite.WaitAsync(Wait)).StatusCode);
        Assert.Equal(ok.To.Tag, retry.From.Tag);
    }

    [Fact]
    public async Task Reinvite_OvertakesPreviousAck_AnsweredAndBothAcksMatched()
    {
        var (call, ok) = await EstablishAsync();
        call.ReinviteReceived += (_, e) => e.Answer = Answer;
        _h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKhold", cseq: 2, toTag: ok.To.Tag, body: Offer + "a=sendonly\r\n"));
        Assert.Equal(200, _h.Responses().Single(r => r.CSeq.Sequence == 2).StatusCode);

        // The resume arrives before the hold's ACK (datagrams on different receive loops): not glare (RFC 3261 section 14.2).
        _h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKresume", cseq: 3, toTag: ok.To.Tag, body: Offer));
        Assert.Equal(200, _h.Responses().Single(r => r.CSeq.Sequence == 3).StatusCode);
        _h.Receive(StackHarness.Request(SipMethods.Ack, "z9hG4bKack2", cseq: 2, toTag: ok.To.Tag, cseqMethod: SipMethods.Ack));
        _h.Receive(StackHarness.Request(SipMethods.Ack, "z9hG4bKack3", cseq: 3, toTag: ok.To.Tag, cseqMethod: SipMethods.Ack));

        // Both 2xx are acknowledged: no retransmissions, no BYE for want of an ACK.
        _h.Run(TimeSpan.FromSeconds(40));
        Assert.Empty(_h.Transport.Drain());
        Assert.True(call.IsActive);
    }

    [Fact]
    public async Task Accept_OfferlessInvite_AnswerInAckBecomesRemoteSdp()
    {
        _h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKlate"));
        var incoming = await _incoming.Task.WaitAsync(Wait);
        Assert.Null(incoming.Offer);
        Assert.True(incoming.TryAccept(Answer, out var call));
        var ok = _h.Responses().Single(r => r.StatusCode == 200);
        Assert.Equal(Answer.Text, System.Text.Encoding.UTF8.GetString(ok.Body.Span));
        Assert.Null(call.RemoteSdp);

        // RFC 3261 section 13.2.1: the offer went in our 2xx, so the ACK carries the answer.
        _h.Receive(StackHarness.Request(SipMethods.Ack, "z9hG4bKlateack", toTag: ok.To.Tag, cseqMethod: SipMethods.Ack, body: Offer));
        await call.Confirmed.WaitAsync(Wait);

        Assert.Equal(Offer, call.RemoteSdp!.Value.Text);
        Assert.Equal(Answer, call.LocalSdp);
    }

    [Theory]
    [InlineData("a=sendonly\r\n", "recvonly")]
    [InlineData("a=inactive\r\n", "inactive")]
    [InlineData("a=recvonly\r\n", "sendonly")]
    [InlineData("", "sendrecv")]
    public async Task Reinvite_NoHandler_AnswerDirectionNarrowedToOffer(string offeredDirection, string answeredDirection)
    {
        var (call, ok) = await EstablishAsync();

        _h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKhold", cseq: 2, toTag: ok.To.Tag, body: Offer + offeredDirection));

        var response = _h.Responses().Single(r => r.StatusCode == 200);
        Assert.True(SipCall.BodyOf(response)!.Value.TryGetSdp(out var answer));
        Assert.Equal(answeredDirection, answer.GetDirection(answer.Media[0]).ToString().ToLowerInvariant());
        Assert.Equal(5000, answer.Media[0].Port);
        Assert.True(answer.Origin.SessionVersion > 1, "RFC 3264 section 8: a changed description has a new version.");
        Assert.Equal(response.Body.ToArray(), call.LocalSdp!.Value.Content.ToArray());
    }

    [Fact]
    public async Task Info_DtmfRelay_EventRaised()
    {
        var (call, ok) = await EstablishAsync();
        var digit = new TaskCompletionSource<SipDtmfEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        call.DtmfReceived += (_, e) => digit.TrySetResult(e);
        var info = StackHarness.Request(SipMethods.Info, "z9hG4bKinfo", cseq: 2, toTag: ok.To.Tag, body: "Signal=7\r\nDuration=250\r\n")
            .Replace("application/sdp", "application/dtmf-relay", StringComparison.Ordinal);

        _h.Receive(info);

        Assert.Equal(200, Assert.Single(_h.Responses()).StatusCode);
        var e = await digit.Task.WaitAsync(Wait);
        Assert.Equal('7', e.Digit);
        Assert.Equal(TimeSpan.FromMilliseconds(250), e.Duration);
    }

    [Fact]
    public async Task Refer_Accepted_202ThenNotify()
    {
        var (call, ok) = await EstablishAsync();
        SipUri? target = null;
        call.TransferRequested += (_, e) =>
        {
            target = e.Target;
            e.Accept = true;
        };

        _h.Receive(StackHarness.Request(SipMethods.Refer, "z9hG4bKrefer", cseq: 2, toTag: ok.To.Tag, extraHeaders: "Refer-To: <sip:queue@192.0.2.20>"));

        var sent = _h.Transport.Drain();
        Assert.Contains(sent, m => m is SipResponse { StatusCode: 202 });
        var notify = Assert.IsType<SipRequest>(sent.Single(m => m is SipRequest));
        Assert.Equal(SipMethods.Notify, notify.Method);
        Assert.Equal("refer", notify.Headers.GetFirst(SipHeaderNames.Event));
        Assert.Equal("sip:queue@192.0.2.20", target!.ToString());
    }

    [Fact]
    public async Task Refer_NoHandler_603()
    {
        var (_, ok) = await EstablishAsync();

        _h.Receive(StackHarness.Request(SipMethods.Refer, "z9hG4bKrefer", cseq: 2, toTag: ok.To.Tag, extraHeaders: "Refer-To: <sip:queue@192.0.2.20>"));

        Assert.Equal(603, Assert.Single(_h.Responses()).StatusCode);
    }

    [Fact]
    public async Task InDialog_OldCSeq_500()
    {
        var (_, ok) = await EstablishAsync();

        _h.Receive(StackHarness.Request(SipMethods.Info, "z9hG4bKold", cseq: 1, toTag: ok.To.Tag));

        Assert.Equal(500, Assert.Single(_h.Responses()).StatusCode);
    }

    [Fact]
    public void Options_200WithAllowAndAccept()
    {
        _h.Receive(StackHarness.Request(SipMethods.Options, "z9hG4bKopt"));

        var response = Assert.Single(_h.Responses());
        Assert.Equal(200, response.StatusCode);
        Assert.Contains("INVITE", response.Headers.GetFirst(SipHeaderNames.Allow), StringComparison.Ordinal);
        Assert.Equal("application/sdp", response.Headers.GetFirst(SipHeaderNames.Accept));
    }

    [Theory]
    [InlineData("MESSAGE", 405)]
    [InlineData("SUBSCRIBE", 405)]
    [InlineData("REGISTER", 405)]
    [InlineData("FOO", 501)]
    public void UnsupportedMethod_AnsweredWithAllow(string method, int status)
    {
        _h.Receive(StackHarness.Request(method, "z9hG4bKm"));

        var response = Assert.Single(_h.Responses());
        Assert.Equal(status, response.StatusCode);
        Assert.NotNull(response.Headers.GetFirst(SipHeaderNames.Allow));
        Assert.NotNull(response.To.Tag);
    }

    [Fact]
    public void Register_NoRegistrar_405WhoseAllowOmitsRegister()
    {
        _h.Receive(StackHarness.Request(SipMethods.Register, "z9hG4bKreg"));

        var response = Assert.Single(_h.Responses());
        Assert.Equal(405, response.StatusCode);
        var allow = response.Headers.GetFirst(SipHeaderNames.Allow)!;
        Assert.DoesNotContain("REGISTER", allow, StringComparison.Ordinal);
        Assert.Contains("INVITE", allow, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_UnknownExtension_420ListsIt()
    {
        _h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKreq", extraHeaders: "Require: nothingsupported, 100rel"));

        var response = Assert.Single(_h.Responses());
        Assert.Equal(420, response.StatusCode);
        Assert.Equal("nothingsupported, 100rel", response.Headers.GetFirst(SipHeaderNames.Unsupported));
    }

    [Fact]
    public async Task MaxForwardsZero_AcceptedByUas()
    {
        // RFC 4475 section 3.3.9: 483 is a proxy's answer; the UAS the request was meant for serves it.
        _h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKmf").Replace("Max-Forwards: 70", "Max-Forwards: 0", StringComparison.Ordinal));

        await _incoming.Task.WaitAsync(Wait);
        Assert.Equal(100, Assert.Single(_h.Responses()).StatusCode);
    }

    [Fact]
    public void UnknownUriScheme_416()
    {
        _h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKsch").Replace("INVITE sip:1001@192.0.2.10:5060", "INVITE isbn:2983792873", StringComparison.Ordinal));

        Assert.Equal(416, Assert.Single(_h.Responses()).StatusCode);
    }

    [Fact]
    public void InviteWithUnknownBodyType_415()
    {
        _h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKct", body: "<xml/>").Replace("application/sdp", "application/xml", StringComparison.Ordinal));

        var response = Assert.Single(_h.Responses());
        Assert.Equal(415, response.StatusCode);
        Assert.StartsWith("application/sdp", response.Headers.GetFirst(SipHeaderNames.Accept), StringComparison.Ordinal);
    }

    [Fact]
    public void NoHandler_480()
    {
        var h = new StackHarness();

        h.Receive(StackHarness.Request(SipMethods.Invite, "z9hG4bKnohandler"));

        Assert.Equal(480, Assert.Single(h.Responses()).StatusCode);
    }

    [Fact]
    public void MalformedRequest_400AndReportedOnce()
    {
        _h.Receive("INVITE sip:1001@192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5062;branch=z9hG4bKbad\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:c@d>\r\nCall-ID: x\r\nCSeq: 1 INVITE\r\nMax-Forwards: many\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(400, Assert.Single(_h.Responses()).StatusCode);
        var diagnostic = Assert.Single(_h.Diagnostics);
        Assert.Equal(SipDiagnosticKind.MalformedRequest, diagnostic.Kind);
        Assert.Equal(StackHarness.Peer, diagnostic.Remote);
    }

    [Fact]
    public void MalformedResponse_DroppedAndReportedOnce()
    {
        _h.Receive("SIP/2.0 200 OK\r\nVia: nonsense\r\nContent-Length: 0\r\n\r\n");

        Assert.Empty(_h.Transport.Drain());
        Assert.Equal(SipDiagnosticKind.MalformedResponse, Assert.Single(_h.Diagnostics).Kind);
    }

    [Fact]
    public void Garbage_DroppedAndReportedOnce()
    {
        _h.Pipeline.OnMessage(_h.Transport, StackHarness.Peer, new byte[] { 0, 1, 2, 255, 13, 10 });

        Assert.Empty(_h.Transport.Drain());
        Assert.Single(_h.Diagnostics);
    }

    [Fact]
    public void ViaWithoutRport_ResponseGoesToSentByPort()
    {
        _h.Receive(StackHarness.Request(SipMethods.Options, "z9hG4bKnorport").Replace("SIP/2.0/UDP 192.0.2.1:5062;", "SIP/2.0/UDP 192.0.2.1:5070;", StringComparison.Ordinal));

        var (to, _) = Assert.Single(_h.Transport.Sent);
        Assert.Equal(new System.Net.IPEndPoint(StackHarness.Peer.Address, 5070), to);
    }

    [Fact]
    public void ViaWithRport_StampedWithReceivedAndPort()
    {
        _h.Receive(StackHarness.Request(SipMethods.Options, "z9hG4bKrport").Replace("SIP/2.0/UDP 192.0.2.1:5062;", "SIP/2.0/UDP 10.0.0.5:5070;rport;", StringComparison.Ordinal));

        var (to, message) = Assert.Single(_h.Transport.Sent);
        var via = message.TopVia!;
        Assert.Equal("192.0.2.1", via.Received);
        Assert.Equal(5062, via.RPort);
        Assert.Equal(StackHarness.Peer, to);
    }
}
