namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction (RFC 3261 section 17.2.2): request retransmissions are absorbed, re-sending the
/// latest response once there is one; timer J (64·T1, zero on reliable transports) keeps the final response for them.
/// </summary>
internal sealed class ServerNonInviteTransaction : SipTransaction
{
    private readonly TransactionTimer _timeout;
    private ReadOnlyMemory<byte> _lastResponse;

    public ServerNonInviteTransaction(
        string key,
        bool reliable,
        SipTimers timers,
        TimeProvider time,
        Action<ReadOnlyMemory<byte>> send,
        Action<SipTransaction, TransactionEnd> ended)
        : base(key, reliable, timers, time, send, ended)
    {
        _timeout = new TransactionTimer(time, static s => ((ServerNonInviteTransaction)s!).OnTimeoutTimer(), this);
        State = TransactionState.Trying;
    }

    /// <summary>The request arrived again: re-send the latest response, if any.</summary>
    public void OnRequestRetransmission()
    {
        lock (Gate)
        {
            if (State is TransactionState.Proceeding or TransactionState.Completed)
            {
                Send(_lastResponse);
            }
        }
    }

    /// <summary>Sends a response from the transaction user; false when a final response was already sent.</summary>
    public bool SendResponse(int statusCode, ReadOnlyMemory<byte> response)
    {
        bool terminated = false;
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return false;
            }

            _lastResponse = response;
            Send(response);
            if (statusCode < 200)
            {
                State = TransactionState.Proceeding;
            }
            else
            {
                var j = Timers.J(Reliable);
                terminated = j == TimeSpan.Zero;
                State = terminated ? TransactionState.Terminated : TransactionState.Completed;
                if (!terminated)
                {
                    _timeout.Start(j);
                }
            }
        }

        if (terminated)
        {
            ReportEnd(TransactionEnd.Completed);
        }

        return true;
    }

    protected override void DisposeTimers() => _timeout.Dispose();

    private void OnTimeoutTimer()
    {
        lock (Gate)
        {
            if (State != TransactionState.Completed)
            {
                return;
            }

            State = TransactionState.Terminated;
        }

        ReportEnd(TransactionEnd.Completed);
    }
}
