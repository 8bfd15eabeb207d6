namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The non-INVITE client transaction (RFC 3261 section 17.1.2): timer E retransmits on unreliable transports
/// (T1 doubling up to T2; every T2 once a provisional response came), timer F gives up after 64·T1, timer K
/// absorbs response retransmissions for T4.
/// </summary>
internal sealed class ClientNonInviteTransaction : SipTransaction
{
    private readonly ReadOnlyMemory<byte> _request;
    private readonly TransactionTimer _retransmit;
    private readonly TransactionTimer _timeout;
    private TimeSpan _interval;

    public ClientNonInviteTransaction(
        string key,
        ReadOnlyMemory<byte> request,
        bool reliable,
        SipTimers timers,
        TimeProvider time,
        Action<ReadOnlyMemory<byte>> send,
        Action<SipTransaction, TransactionEnd> ended)
        : base(key, reliable, timers, time, send, ended)
    {
        _request = request;
        _retransmit = new TransactionTimer(time, static s => ((ClientNonInviteTransaction)s!).OnRetransmitTimer(), this);
        _timeout = new TransactionTimer(time, static s => ((ClientNonInviteTransaction)s!).OnTimeoutTimer(), this);
        State = TransactionState.Trying;
    }

    /// <summary>Sends the request and starts timers E (unreliable only) and F.</summary>
    public void Start()
    {
        lock (Gate)
        {
            Send(_request);
            if (!Reliable)
            {
                _interval = Timers.T1;
                _retransmit.Start(_interval);
            }

            _timeout.Start(Timers.Timeout);
        }
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

            _retransmit.Stop();
            var k = Timers.T4OrZero(Reliable);
            terminated = k == TimeSpan.Zero;
            if (terminated)
            {
                State = TransactionState.Terminated;
            }
            else
            {
                State = TransactionState.Completed;
                _timeout.Start(k);
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
        _retransmit.Dispose();
        _timeout.Dispose();
    }

    private void OnRetransmitTimer()
    {
        lock (Gate)
        {
            if (State is not (TransactionState.Trying or TransactionState.Proceeding))
            {
                return;
            }

            Send(_request);
            _interval = State == TransactionState.Proceeding ? Timers.T2 : Timers.Next(_interval, capped: true);
            _retransmit.Start(_interval);
        }
    }

    private void OnTimeoutTimer()
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
