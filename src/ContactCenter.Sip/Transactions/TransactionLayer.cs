using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// Matches messages to transactions (RFC 3261 sections 17.1.3 and 17.2.3), creates server transactions for new
/// requests, absorbs retransmissions, sends the ACK for non-2xx final responses and hands everything else to the
/// <see cref="ITransactionUser"/>. Thread-safe.
/// </summary>
internal sealed class TransactionLayer
{
    private readonly ConcurrentDictionary<string, SipTransaction> _server = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SipTransaction> _client = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly SipTimers _timers;
    private readonly TransportDiagnostics _diagnostics;
    private readonly Action<SipTransaction, TransactionEnd> _serverEnded;
    private readonly Action<SipTransaction, TransactionEnd> _clientEnded;
    private ITransactionUser? _user;

    public TransactionLayer(TimeProvider time, SipTimers timers, TransportDiagnostics diagnostics)
    {
        _time = time;
        _timers = timers;
        _diagnostics = diagnostics;
        _serverEnded = OnServerEnded;
        _clientEnded = OnClientEnded;
    }

    /// <summary>Server transactions alive now (for tests and diagnostics).</summary>
    public int ServerCount => _server.Count;

    /// <summary>Client transactions alive now.</summary>
    public int ClientCount => _client.Count;

    public SipTimers Timers => _timers;

    public TimeProvider Time => _time;

    public TransportDiagnostics Diagnostics => _diagnostics;

    /// <summary>Set once, before any message arrives.</summary>
    public void Attach(ITransactionUser user) => _user = user;

    /// <summary>Routes a received request.</summary>
    public void OnRequest(SipRequest request, SipTarget source)
    {
        var user = _user ?? throw new InvalidOperationException("No transaction user attached.");
        var isAck = request.Method == SipMethods.Ack;
        var key = ServerKey(request, isAck ? SipMethods.Invite : request.Method);
        if (_server.TryGetValue(key, out var existing))
        {
            switch (existing)
            {
                case ServerInviteTransaction invite when isAck:
                    if (invite.State == TransactionState.Accepted)
                    {
                        // An ACK for a 2xx that reused the INVITE's branch: still the UAS core's.
                        user.OnAck(request, source);
                    }
                    else
                    {
                        invite.OnAck();
                    }

                    return;
                case ServerInviteTransaction invite:
                    invite.OnRequestRetransmission();
                    return;
                case ServerNonInviteTransaction nonInvite:
                    nonInvite.OnRequestRetransmission();
                    return;
            }
        }

        if (isAck)
        {
            user.OnAck(request, source);
            return;
        }

        var responseTarget = ResponseTarget(request, source);
        Action<ReadOnlyMemory<byte>> send = bytes => responseTarget.Send(bytes, _diagnostics);
        SipTransaction transaction = request.Method == SipMethods.Invite
            ? new ServerInviteTransaction(key, source.IsReliable, _timers, _time, send, _serverEnded)
            : new ServerNonInviteTransaction(key, source.IsReliable, _timers, _time, send, _serverEnded);
        if (!_server.TryAdd(key, transaction))
        {
            // The same request raced in on another receive loop: the first one wins, this one is a retransmission.
            transaction.Dispose();
            return;
        }

        var serverRequest = new ServerRequest(this, request, source, responseTarget, transaction);
        transaction.Owner = serverRequest;
        user.OnRequest(serverRequest);
    }

    /// <summary>Routes a received response.</summary>
    public void OnResponse(SipResponse response, SipTarget source)
    {
        var via = response.TopVia;
        if (via?.Branch is not { } branch)
        {
            _diagnostics.Report(SipDiagnosticKind.MalformedResponse, "Dropped a response without a Via branch.", source.EndPoint);
            return;
        }

        var cseq = response.CSeq;
        if (!_client.TryGetValue(ClientKey(branch, cseq.Method), out var transaction) || transaction.Owner is not ClientRequest owner)
        {
            if (cseq.Method == SipMethods.Invite && response.IsSuccess)
            {
                _user?.OnStray2xx(response, source);
            }

            return;
        }

        switch (transaction)
        {
            case ClientInviteTransaction invite:
                var disposition = invite.OnResponse(response.StatusCode);
                if (disposition == ResponseDisposition.Absorb)
                {
                    return;
                }

                if (disposition == ResponseDisposition.DeliverAndAck)
                {
                    invite.SendAck(CreateAckForFailure(owner.Request, response).ToBytes());
                }

                Deliver(owner, response);
                return;
            case ClientNonInviteTransaction nonInvite:
                if (nonInvite.OnResponse(response.StatusCode) == ResponseDisposition.Deliver)
                {
                    Deliver(owner, response);
                }

                return;
        }
    }

    /// <summary>Sends a request through a new client transaction. The request must carry its Via with a fresh branch.</summary>
    public ClientRequest Send(SipRequest request, SipTarget target, Action<SipResponse>? progress = null)
    {
        var branch = request.TopVia?.Branch ?? throw new InvalidOperationException("A request needs a top Via with a branch.");
        var key = ClientKey(branch, request.Method);
        var owner = new ClientRequest(request, target, progress);
        var bytes = request.ToBytes();
        Action<ReadOnlyMemory<byte>> send = b => target.Send(b, _diagnostics);
        SipTransaction transaction = request.Method == SipMethods.Invite
            ? new ClientInviteTransaction(key, bytes, target.IsReliable, _timers, _time, send, _clientEnded)
            : new ClientNonInviteTransaction(key, bytes, target.IsReliable, _timers, _time, send, _clientEnded);
        transaction.Owner = owner;
        owner.Transaction = transaction;
        if (!_client.TryAdd(key, transaction))
        {
            transaction.Dispose();
            throw new InvalidOperationException($"A client transaction with branch {branch} already exists.");
        }

        if (transaction is ClientInviteTransaction invite)
        {
            invite.Start();
        }
        else
        {
            ((ClientNonInviteTransaction)transaction).Start();
        }

        return owner;
    }

    /// <summary>Finds the INVITE server transaction a CANCEL names (same branch and sent-by, RFC 3261 section 9.2).</summary>
    public ServerRequest? FindInviteFor(SipRequest cancel) =>
        _server.TryGetValue(ServerKey(cancel, SipMethods.Invite), out var t) ? t.Owner as ServerRequest : null;

    /// <summary>Tells the INVITE server transaction that its 2xx was acknowledged.</summary>
    public static void AcknowledgeAccepted(ServerRequest invite)
    {
        if (invite.Transaction is ServerInviteTransaction transaction)
        {
            transaction.OnAckFor2xx();
        }
    }

    internal bool Respond(ServerRequest request, SipResponse response)
    {
        var bytes = response.ToBytes();
        return request.Transaction switch
        {
            ServerInviteTransaction invite => invite.SendResponse(response.StatusCode, bytes),
            ServerNonInviteTransaction nonInvite => nonInvite.SendResponse(response.StatusCode, bytes),
            _ => false,
        };
    }

    /// <summary>The non-2xx ACK of RFC 3261 section 17.1.1.3: same Request-URI, Call-ID, From, CSeq number, top Via and Route; To from the response.</summary>
    internal static SipRequest CreateAckForFailure(SipRequest invite, SipResponse response)
    {
        var ack = new SipRequest(SipMethods.Ack, invite.RequestUri);
        ack.Headers.Add(SipHeaderNames.Via, invite.TopVia!.ToString());
        ack.Headers.Add(SipHeaderNames.MaxForwards, "70");
        ack.Headers.Add(SipHeaderNames.From, invite.Headers.GetFirst(SipHeaderNames.From)!);
        ack.Headers.Add(SipHeaderNames.To, response.Headers.GetFirst(SipHeaderNames.To)!);
        ack.Headers.Add(SipHeaderNames.CallId, invite.CallId);
        ack.Headers.Add(SipHeaderNames.CSeq, new SipCSeq(invite.CSeq.Sequence, SipMethods.Ack).ToString());
        foreach (var route in invite.Headers.GetAll(SipHeaderNames.Route))
        {
            ack.Headers.Add(SipHeaderNames.Route, route);
        }

        return ack;
    }

    internal static string ServerKey(SipRequest request, string method)
    {
        var via = request.TopVia;
        if (via?.HasRfc3261Branch == true)
        {
            return string.Concat(via.Branch, "|", via.Host, ":", via.Port?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, "|", method);
        }

        // RFC 2543 peers: match on the request's identity instead of a branch (RFC 3261 section 17.2.3, simplified).
        return string.Concat(
            "2543|", request.CallId, "|", request.From.Tag, "|", request.CSeq.Sequence.ToString(CultureInfo.InvariantCulture), "|", via?.ToString(), "|", method);
    }

    private static string ClientKey(string branch, string method) => string.Concat(branch, "|", method);

    // RFC 3261 section 18.2.2 with RFC 3581: streams answer on the same connection; datagrams go to the source
    // address, and to the source port when the client asked for rport, else to the sent-by port.
    private static SipTarget ResponseTarget(SipRequest request, SipTarget source)
    {
        if (source.IsReliable)
        {
            return source;
        }

        var via = request.TopVia;
        if (via is null || via.HasRPort)
        {
            return source;
        }

        return source with { EndPoint = new IPEndPoint(source.EndPoint.Address, via.Port ?? 5060) };
    }

    private void Deliver(ClientRequest owner, SipResponse response)
    {
        if (response.StatusCode < 200)
        {
            owner.LastProvisional = response;
            owner.Progress?.Invoke(response);
        }
        else if (owner.Final.IsCompleted)
        {
            owner.Progress?.Invoke(response);
        }
        else
        {
            owner.FinalTimestamp = _time.GetTimestamp();
            if (!owner.Complete(response))
            {
                owner.Progress?.Invoke(response);
            }
        }
    }

    private void OnServerEnded(SipTransaction transaction, TransactionEnd end)
    {
        _server.TryRemove(new KeyValuePair<string, SipTransaction>(transaction.Key, transaction));
        if (transaction.Owner is ServerRequest { Ended: { } ended } request)
        {
            ended(request, end);
        }
    }

    private void OnClientEnded(SipTransaction transaction, TransactionEnd end)
    {
        _client.TryRemove(new KeyValuePair<string, SipTransaction>(transaction.Key, transaction));
        if (end == TransactionEnd.Timeout && transaction.Owner is ClientRequest owner)
        {
            owner.Complete(owner.Request.CreateResponse(408, "Request Timeout"));
        }
    }
}
