namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The non-INVITE client transaction (RFC 3261 section 17.1.2): timer E retransmits on unreliable transports
/// (T1 doubling up to T2; every T2 once a provisional response came), timer F gives up after 64·T1, timer K
/// absorbs response retransmissions for T4.
/// </summary>
internal sealed class ClientNonInviteTransaction : ClientTransaction
{
    public ClientNonInviteTransaction(
        string key,
        ReadOnlyMemory<byte> request,
        bool reliable,
        SipTimers timers,
        TimeProvider time,
        Action<ReadOnlyMemory<byte>> send,
        Action<SipTransaction, TransactionEnd> ended)
        : base(key, request, reliable, timers, time, send, ended)
    {
        State = TransactionState.Trying;
    }

    /// <summary>Feeds a response that matched this transaction.</summary>
    public ResponseDisposition OnResponse(int statusCode)
    {
        bool terminated;
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return ResponseDisposition.Absorb;
            }

            if (statusCode < 200)
            {
                State = TransactionState.Proceeding;
                return ResponseDisposition.Deliver;
            }

            Retransmit.Stop();
            var k = Timers.T4OrZero(Reliable);
            terminated = k == TimeSpan.Zero;
            if (terminated)
            {
                State = TransactionState.Terminated;
            }
            else
            {
                State = TransactionState.Completed;
                TimeoutTimer.Start(k);
            }
        }

        if (terminated)
        {
            ReportEnd(TransactionEnd.Completed);
        }

        return ResponseDisposition.Deliver;
    }

    protected override void DisposeTimers()
    {
        Retransmit.Dispose();
        TimeoutTimer.Dispose();
    }

    protected override void OnRetransmitTimer()
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return;
            }

            Send(Request);
            Interval = State == TransactionState.Proceeding ? Timers.T2 : Timers.Next(Interval, capped: true);
            Retransmit.Start(Interval);
        }
    }

    protected override void OnTimeoutTimer()
    {
        TransactionEnd end;
        lock (Gate)
        {
            end = State switch
            {
                TransactionState.Trying or TransactionState.Proceeding => TransactionEnd.Timeout,
                TransactionState.Completed => TransactionEnd.Completed,
                _ => (TransactionEnd)(-1),
            };
            if ((int)end < 0)
            {
                return;
            }

            State = TransactionState.Terminated;
        }

        ReportEnd(end);
    }
}
