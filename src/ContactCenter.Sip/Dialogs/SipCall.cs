using System.Text;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;
using ContactCenter.Sip.Transport;
using ContactCenter.Sip.UserAgents;

namespace ContactCenter.Sip.Dialogs;

/// <summary>
/// An established call (a confirmed INVITE dialog), inbound or outbound: hang up, re-INVITE (hold/resume),
/// transfer (REFER), DTMF over INFO, and the peer's in-dialog requests as events. Thread-safe. Event handlers run
/// on stack threads and must return quickly; <see cref="ReinviteReceived"/> and <see cref="TransferRequested"/>
/// are answered from what their handlers set.
/// </summary>
public sealed class SipCall
{
    private readonly UserAgentCore _core;
    private readonly SipDialog _dialog;
    private readonly TaskCompletionSource<SipCallEndReason> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _confirmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private const int MaxGlareRetries = 5;
    private readonly Lock _gate = new();
    // INVITEs we answered 2xx whose ACK has not arrived yet. More than one when the peer's next re-INVITE
    // overtakes the previous ACK (datagrams handled on several receive loops): each is acknowledged by its own ACK.
    private readonly List<ServerRequest> _unacknowledged = new(1);
    private ReadOnlyMemory<byte> _lastAck;
    private uint _lastAckSequence;
    private bool _reinviting;

    internal SipCall(UserAgentCore core, SipDialog dialog, SipCallDirection direction, SipBody? localSdp, SipBody? remoteSdp)
    {
        _core = core;
        _dialog = dialog;
        Direction = direction;
        LocalSdp = localSdp;
        RemoteSdp = remoteSdp;
    }

    /// <summary>The peer sent DTMF in an INFO request.</summary>
    public event EventHandler<SipDtmfEventArgs>? DtmfReceived;

    /// <summary>The peer sent a re-INVITE (e.g. hold or resume); set <see cref="SipReinviteEventArgs.Answer"/> to change the answer.</summary>
    public event EventHandler<SipReinviteEventArgs>? ReinviteReceived;

    /// <summary>The peer asked for a blind transfer (REFER); set <see cref="SipTransferRequestedEventArgs.Accept"/> to take it.</summary>
    public event EventHandler<SipTransferRequestedEventArgs>? TransferRequested;

    /// <summary>The Call-ID.</summary>
    public string CallId => _dialog.Key.CallId;

    /// <summary>Who placed the call.</summary>
    public SipCallDirection Direction { get; }

    /// <summary>Our address in the dialog (From for outbound, To for inbound), with our tag.</summary>
    public SipNameAddress LocalAddress => SipNameAddress.Parse(_dialog.LocalAddress);

    /// <summary>The peer's address, with its tag.</summary>
    public SipNameAddress RemoteAddress => SipNameAddress.Parse(_dialog.RemoteAddress);

    /// <summary>The peer's contact (where in-dialog requests go).</summary>
    public SipUri RemoteTarget => _dialog.RemoteTarget;

    /// <summary>Our current session description (offer or answer), if any.</summary>
    public SipBody? LocalSdp { get; private set; }

    /// <summary>The peer's current session description, if any.</summary>
    public SipBody? RemoteSdp { get; private set; }

    /// <summary>Completes when the call ends, with the reason.</summary>
    public Task<SipCallEndReason> Ended => _ended.Task;

    /// <summary>
    /// Completes when the dialog is confirmed: the peer's ACK arrived (inbound) or ours was sent (outbound). Start
    /// media here. Never completes for an inbound call whose 2xx was not acknowledged (see <see cref="SipCallEndReason.NoAck"/>).
    /// </summary>
    public Task Confirmed => _confirmed.Task;

    /// <summary>True until the call ends.</summary>
    public bool IsActive => !_ended.Task.IsCompleted;

    internal DialogKey Key => _dialog.Key;

    /// <summary>Hangs up: sends BYE and waits for its final response (or the transaction timeout). <see cref="Ended"/> completes at once.</summary>
    /// <param name="cancellationToken">Stops waiting for the response (the BYE is still sent).</param>
    /// <returns>The BYE's final status code (200 normally, 408 when the peer never answered, 481 when it had already hung up).</returns>
    public Task<int> HangupAsync(CancellationToken cancellationToken = default) => HangupAsync(SipCallEndReason.LocalHangup, cancellationToken);

    internal async Task<int> HangupAsync(SipCallEndReason reason, CancellationToken cancellationToken)
    {
        if (!End(reason))
        {
            return 0;
        }

        var response = await SendAsync(SipMethods.Bye, null, null, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>
    /// Sends a re-INVITE with a new offer (RFC 3261 section 14) — hold is an offer with <c>a=sendonly</c> (or
    /// <c>inactive</c>), resume one with <c>a=sendrecv</c> (RFC 3264 section 8.4) — and ACKs its 2xx. A 491
    /// (the peer's re-INVITE crossed ours) is retried after the random delay of section 14.1, on the stack's
    /// clock: 2.1-4 s when we own the Call-ID (we placed the call), 0-2 s otherwise.
    /// </summary>
    /// <param name="offer">The new session description.</param>
    /// <param name="cancellationToken">Stops waiting (the transaction goes on).</param>
    /// <returns>The final response; on 2xx <see cref="RemoteSdp"/> holds the peer's answer.</returns>
    /// <exception cref="InvalidOperationException">The call has ended, or another re-INVITE is in progress (RFC 3261 section 14.1).</exception>
    public async Task<SipResponse> ReinviteAsync(SipBody offer, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!IsActive || _reinviting)
            {
                throw new InvalidOperationException(IsActive ? "A re-INVITE is already in progress on this call." : "The call has ended.");
            }

            _reinviting = true;
        }

        // The 2xx is ACKed even when the caller stops waiting, or the peer would end the call for want of an ACK.
        return await CompleteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);

        async Task<SipResponse> CompleteAsync()
        {
            var owned = true;
            try
            {
                for (var attempt = 0; ; attempt++)
                {
                    var request = _dialog.CreateRequest(SipMethods.Invite, _core.CreateVia(_dialog.Target.Transport), _core.ContactFor(_dialog.Target.Transport));
                    SetBody(request, offer);
                    var client = _core.Transactions.Send(request, _dialog.Target, r => OnInviteProgress(r));
                    var response = await client.Final.ConfigureAwait(false);
                    if (response.IsSuccess)
                    {
                        LocalSdp = offer;
                        RemoteSdp = BodyOf(response) ?? RemoteSdp;
                        _dialog.RefreshTarget(response);
                        SendAck(request.CSeq.Sequence);
                        return response;
                    }

                    if (response.StatusCode != 491 || attempt >= MaxGlareRetries || !IsActive)
                    {
                        return response;
                    }

                    // While we wait, the peer's re-INVITE must get through (it is why we got 491), so ours is not in progress.
                    lock (_gate)
                    {
                        _reinviting = false;
                        owned = false;
                    }

                    // Counted from the 491's arrival, so a late thread-pool continuation does not stretch it.
                    var time = _core.Transactions.Time;
                    var wait = GlareRetryDelay(Direction == SipCallDirection.Outbound) - time.GetElapsedTime(client.FinalTimestamp);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, time).ConfigureAwait(false);
                    }

                    lock (_gate)
                    {
                        if (!IsActive || _reinviting)
                        {
                            // Ended meanwhile, or the application started another re-INVITE: this one stays refused.
                            return response;
                        }

                        _reinviting = true;
                        owned = true;
                    }
                }
            }
            finally
            {
                lock (_gate)
                {
                    if (owned)
                    {
                        _reinviting = false;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The wait before retrying a re-INVITE refused with 491 (RFC 3261 section 14.1): the Call-ID's owner waits
    /// 2.1-4 s, the other side 0-2 s, both in units of 10 ms, so the two sides do not collide again.
    /// </summary>
    internal static TimeSpan GlareRetryDelay(bool ownsCallId) =>
        TimeSpan.FromMilliseconds(ownsCallId ? Random.Shared.Next(210, 401) * 10 : Random.Shared.Next(0, 201) * 10);

    /// <summary>Asks the peer to transfer the call to <paramref name="target"/> (blind transfer, RFC 3515 REFER).</summary>
    /// <param name="target">The transfer target, e.g. <c>sip:queue@pbx.example</c>.</param>
    /// <param name="cancellationToken">Stops waiting for the response.</param>
    /// <returns>The REFER's final status code: 202 when the peer accepted the transfer.</returns>
    public async Task<int> TransferAsync(SipUri target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var response = await SendAsync(
            SipMethods.Refer,
            request =>
            {
                request.Headers.Add(SipHeaderNames.ReferTo, "<" + target + ">");
                request.Headers.Add(SipHeaderNames.ReferredBy, _dialog.LocalAddress);
            },
            null,
            cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>Sends one DTMF digit in an INFO request (<c>application/dtmf-relay</c>), the fallback when RFC 4733 events are not negotiated.</summary>
    /// <param name="digit">0-9, *, #, A-D.</param>
    /// <param name="duration">The tone duration; 160 ms by default.</param>
    /// <param name="cancellationToken">Stops waiting for the response.</param>
    /// <returns>The INFO's final status code.</returns>
    public async Task<int> SendDtmfAsync(char digit, TimeSpan? duration = null, CancellationToken cancellationToken = default)
    {
        if (!DtmfInfo.IsDigit(digit))
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "DTMF digits are 0-9, *, #, A-D.");
        }

        var body = new SipBody(DtmfInfo.RelayContentType, Encoding.ASCII.GetBytes(DtmfInfo.Format(digit, duration ?? TimeSpan.FromMilliseconds(160))));
        var response = await SendAsync(SipMethods.Info, null, body, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Direction} call {CallId}";

    internal void AwaitAck(ServerRequest invite)
    {
        lock (_gate)
        {
            _unacknowledged.Add(invite);
        }

        invite.Ended = (request, end) =>
        {
            if (end == TransactionEnd.NoAck && End(SipCallEndReason.NoAck))
            {
                _ = SendAsync(SipMethods.Bye, null, null, CancellationToken.None);
            }
        };
    }

    internal void OnAck(SipRequest ack)
    {
        ServerRequest? pending = null;
        lock (_gate)
        {
            var index = _unacknowledged.FindIndex(i => i.Request.CSeq.Sequence == ack.CSeq.Sequence);
            if (index < 0)
            {
                return;
            }

            pending = _unacknowledged[index];
            _unacknowledged.RemoveAt(index);
        }

        // Late offer: an INVITE without a body got our offer in the 2xx, and the answer comes in this ACK
        // (RFC 3261 section 13.2.1, RFC 3264 section 5).
        if (pending.Request.Body.IsEmpty && BodyOf(ack) is { } answer)
        {
            RemoteSdp = answer;
        }

        TransactionLayer.AcknowledgeAccepted(pending);
        _confirmed.TrySetResult();
    }

    /// <summary>The UAC side: ACK a 2xx to our INVITE, keeping it for 2xx retransmissions.</summary>
    internal void SendAck(uint inviteSequence)
    {
        var ack = _dialog.CreateAck(inviteSequence, _core.CreateVia(_dialog.Target.Transport)).ToBytes();
        lock (_gate)
        {
            _lastAck = ack;
            _lastAckSequence = inviteSequence;
        }

        _dialog.Target.Send(ack, _core.Diagnostics);
        _confirmed.TrySetResult();
    }

    /// <summary>A retransmitted 2xx to one of our INVITEs: send the same ACK again (RFC 3261 section 13.2.2.4).</summary>
    internal void OnRetransmitted2xx(SipResponse response)
    {
        ReadOnlyMemory<byte> ack;
        lock (_gate)
        {
            if (_lastAck.IsEmpty || response.CSeq.Sequence != _lastAckSequence)
            {
                return;
            }

            ack = _lastAck;
        }

        _dialog.Target.Send(ack, _core.Diagnostics);
    }

    /// <summary>A request inside this dialog.</summary>
    internal void OnRequest(ServerRequest request)
    {
        var message = request.Request;
        request.Context = this;
        if (!_dialog.AcceptRemoteSequence(message.CSeq.Sequence))
        {
            request.Respond(500, reason: "CSeq Out Of Order");
            return;
        }

        switch (message.Method)
        {
            case SipMethods.Bye:
                request.Respond(200);
                End(SipCallEndReason.RemoteHangup);
                break;
            case SipMethods.Invite:
                OnReinvite(request);
                break;
            case SipMethods.Info:
                OnInfo(request);
                break;
            case SipMethods.Refer:
                OnRefer(request);
                break;
            case SipMethods.Notify or SipMethods.Options:
                request.Respond(200);
                break;
            default:
                _core.RespondNotAllowed(request);
                break;
        }
    }

    internal bool End(SipCallEndReason reason)
    {
        if (!_ended.TrySetResult(reason))
        {
            return false;
        }

        // A call that ended before its 2xx was acknowledged (a BYE overtook a lost ACK) stops re-sending the 2xx.
        ServerRequest[] pending;
        lock (_gate)
        {
            pending = [.. _unacknowledged];
            _unacknowledged.Clear();
        }

        foreach (var invite in pending)
        {
            TransactionLayer.AcknowledgeAccepted(invite);
        }

        _core.RemoveCall(this);
        return true;
    }

    private void OnInviteProgress(SipResponse response)
    {
        if (response.IsSuccess)
        {
            OnRetransmitted2xx(response);
        }
    }

    private void OnReinvite(ServerRequest request)
    {
        lock (_gate)
        {
            if (_reinviting || _unacknowledged.Exists(i => i.Request.Body.IsEmpty))
            {
                // Glare: our own re-INVITE is in progress (RFC 3261 section 14.2), or our 2xx to an offerless INVITE
                // carried an offer whose answer (in the ACK) has not come, so a new offer would cross it (RFC 3264
                // section 4, RFC 6337 section 3.1.4). Any other 2xx still waiting for its ACK is not glare: its
                // offer/answer exchange is complete, and the peer's higher CSeq shows it got the 2xx.
                request.Respond(491);
                return;
            }
        }

        var offer = BodyOf(request.Request);
        var args = new SipReinviteEventArgs(offer);
        if (!_core.Invoke(ReinviteReceived, this, args))
        {
            request.Respond(500);
            return;
        }

        _dialog.RefreshTarget(request.Request);
        var answer = args.Answer ?? DefaultAnswer(offer);
        if (offer is not null)
        {
            RemoteSdp = offer;
        }

        LocalSdp = answer;
        var response = _core.CreateResponse(request, 200, _dialog.Key.LocalTag);
        if (answer is { } body)
        {
            SetBody(response, body);
        }

        AwaitAck(request);
        request.Respond(response);
    }

    // Without an application answer, a re-offer is answered from our current description with the direction the
    // offer allows: a=sendonly (hold) MUST get recvonly, inactive inactive (RFC 3264 section 6.1), never sendrecv.
    private SipBody? DefaultAnswer(SipBody? offer)
    {
        if (offer is { } o && o.TryGetSdp(out var offerSdp) && LocalSdp is { } local && local.TryGetSdp(out var localSdp)
            && Sdp.SdpNegotiator.AnswerDirectionChange(localSdp, offerSdp) is { } answer)
        {
            return SipBody.Sdp(answer);
        }

        return LocalSdp;
    }

    private void OnInfo(ServerRequest request)
    {
        var body = BodyOf(request.Request);
        request.Respond(200);
        if (body is { } b && DtmfInfo.TryParse(b.ContentType, b.Content.Span, out var digit, out var duration))
        {
            var handler = DtmfReceived;
            if (handler is not null)
            {
                var args = new SipDtmfEventArgs(digit, duration);
                ThreadPool.QueueUserWorkItem(_ => _core.Invoke(handler, this, args));
            }
        }
    }

    private void OnRefer(ServerRequest request)
    {
        var referTo = request.Request.Headers.GetFirst(SipHeaderNames.ReferTo);
        if (referTo is null || !SipNameAddress.TryParse(referTo.Trim(), out var target))
        {
            request.Respond(400, reason: "Missing or invalid Refer-To");
            return;
        }

        var args = new SipTransferRequestedEventArgs(target.Uri);
        if (!_core.Invoke(TransferRequested, this, args) || !args.Accept)
        {
            request.Respond(603);
            return;
        }

        request.Respond(202);

        // RFC 3515 section 2.4.4 wants a NOTIFY for the implicit subscription; the application places the new
        // call itself, so the stack reports the REFER as done and ends the subscription.
        _ = SendAsync(
            SipMethods.Notify,
            notify =>
            {
                notify.Headers.Add(SipHeaderNames.Event, "refer");
                notify.Headers.Add("Subscription-State", "terminated;reason=noresource");
            },
            new SipBody("message/sipfrag;version=2.0", "SIP/2.0 200 OK\r\n"u8.ToArray()),
            CancellationToken.None);
    }

    private async Task<SipResponse> SendAsync(string method, Action<SipRequest>? decorate, SipBody? body, CancellationToken cancellationToken)
    {
        var request = _dialog.CreateRequest(method, _core.CreateVia(_dialog.Target.Transport), method == SipMethods.Refer ? _core.ContactFor(_dialog.Target.Transport) : null);
        decorate?.Invoke(request);
        if (body is { } b)
        {
            SetBody(request, b);
        }

        var client = _core.Transactions.Send(request, _dialog.Target);
        return await client.Final.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static SipBody? BodyOf(SipMessage message) =>
        message.Body.IsEmpty ? null : new SipBody(message.ContentType ?? "application/octet-stream", message.Body);

    internal static void SetBody(SipMessage message, SipBody body) => message.SetBody(body.ContentType, body.Content);
}
