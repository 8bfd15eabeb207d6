namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The INVITE server transaction (RFC 3261 section 17.2.1 with RFC 6026): absorbs INVITE retransmissions by
/// re-sending the latest response; after a non-2xx final response timer G retransmits it (T1 doubling up to T2,
/// unreliable only) until the ACK, timer H (64·T1) gives up on the ACK and timer I (T4) absorbs ACK retransmissions.
/// After a 2xx it stays Accepted for timer L (64·T1), retransmitting the 2xx on the same schedule until the UAS
/// core reports the ACK (RFC 3261 section 13.3.1.4).
/// </summary>
internal sealed class ServerInviteTransaction : SipTransaction
{
    private readonly TransactionTimer _retransmit;
    private readonly TransactionTimer _timeout;
    private ReadOnlyMemory<byte> _lastResponse;
    private TimeSpan _interval;
    private bool _acknowledged;

    public ServerInviteTransaction(
        string key,
        bool reliable,
        SipTimers timers,
        TimeProvider time,
        Action<ReadOnlyMemory<byte>> send,
        Action<SipTransaction, TransactionEnd> ended)
        : base(key, reliable, timers, time, send, ended)
    {
        _retransmit = new TransactionTimer(time, static s => ((ServerInviteTransaction)s!).OnRetransmitTimer(), this);
        _timeout = new TransactionTimer(time, static s => ((ServerInviteTransaction)s!).OnTimeoutTimer(), this);
        State = TransactionState.Proceeding;
    }

    /// <summary>True once a final response was sent.</summary>
    public bool HasFinalResponse => State is not TransactionState.Proceeding;

    /// <summary>The INVITE arrived again: re-send the latest response (RFC 3261 section 17.2.1).</summary>
    public void OnRequestRetransmission()
    {
        lock (Gate)
        {
            if (State is TransactionState.Proceeding or TransactionState.Completed or TransactionState.Accepted && !_lastResponse.IsEmpty)
            {
                Send(_lastResponse);
            }
        }
    }

    /// <summary>Sends a response from the transaction user; false when a final response was already sent.</summary>
    public bool SendResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        lock (Gate)
        {
            if (State != TransactionState.Proceeding)
            {
                return false;
            }

            _lastResponse = response;
            Send(response);
            if (statusCode < 200)
            {
                return true;
            }

            State = statusCode < 300 ? TransactionState.Accepted : TransactionState.Completed;

            // 2xx retransmission is the UAS core's duty on every transport; a failure's only on unreliable ones.
            if (State == TransactionState.Accepted || !Reliable)
            {
                _interval = Timers.T1;
                _retransmit.Start(_interval);
            }

            _timeout.Start(Timers.Timeout);
            return true;
        }
    }

    /// <summary>The ACK for a non-2xx final response (same branch) arrived.</summary>
    public void OnAck()
    {
        bool terminated;
        lock (Gate)
        {
            if (State != TransactionState.Completed)
            {
                return;
            }

            _retransmit.Stop();
            var i = Timers.T4OrZero(Reliable);
            terminated = i == TimeSpan.Zero;
            State = terminated ? TransactionState.Terminated : TransactionState.Confirmed;
            if (!terminated)
            {
                _timeout.Start(i);
            }
        }

        if (terminated)
        {
            ReportEnd(TransactionEnd.Completed);
        }
    }

    /// <summary>The UAS core matched the ACK for the 2xx: stop retransmitting it; INVITE retransmissions are still absorbed until timer L.</summary>
    public void OnAckFor2xx()
    {
        lock (Gate)
        {
            if (State == TransactionState.Accepted)
            {
                _acknowledged = true;
                _retransmit.Stop();
            }
        }
    }

    protected override void DisposeTimers()
    {
        _retransmit.Dispose();
        _timeout.Dispose();
    }

    private void OnRetransmitTimer()
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Completed or TransactionState.Accepted) || _acknowledged)
            {
                return;
            }

            Send(_lastResponse);
            _interval = Timers.Next(_interval, capped: true);
            _retransmit.Start(_interval);
        }
    }

    private void OnTimeoutTimer()
    {
        TransactionEnd end;
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Completed:
                    end = TransactionEnd.NoAckForFailure;
                    break;
                case TransactionState.Confirmed:
                    end = TransactionEnd.Completed;
                    break;
                case TransactionState.Accepted:
                    end = _acknowledged ? TransactionEnd.Completed : TransactionEnd.NoAck;
                    break;
                default:
                    return;
            }

            State = TransactionState.Terminated;
        }

        ReportEnd(end);
    }
}
