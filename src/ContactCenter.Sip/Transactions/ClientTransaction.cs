namespace ContactCenter.Sip.Transactions;

/// <summary>
/// What the INVITE and non-INVITE client transactions share (RFC 3261 section 17.1): the request, a
/// retransmission timer (A or E) started at T1 on unreliable transports, and a transaction time-out (B or F)
/// of 64·T1, both started when the request is first sent.
/// </summary>
internal abstract class ClientTransaction : SipTransaction
{
    protected ClientTransaction(
        string key,
        ReadOnlyMemory<byte> request,
        bool reliable,
        SipTimers timers,
        TimeProvider time,
        Action<ReadOnlyMemory<byte>> send,
        Action<SipTransaction, TransactionEnd> ended)
        : base(key, reliable, timers, time, send, ended)
    {
        Request = request;
        Retransmit = new TransactionTimer(time, static s => ((ClientTransaction)s!).OnRetransmitTimer(), this);
        TimeoutTimer = new TransactionTimer(time, static s => ((ClientTransaction)s!).OnTimeoutTimer(), this);
    }

    /// <summary>The request as sent, for retransmission.</summary>
    protected ReadOnlyMemory<byte> Request { get; }

    /// <summary>Timer A (INVITE) or E (non-INVITE).</summary>
    protected TransactionTimer Retransmit { get; }

    /// <summary>Timer B (INVITE) or F (non-INVITE).</summary>
    protected TransactionTimer TimeoutTimer { get; }

    /// <summary>The current retransmission interval.</summary>
    protected TimeSpan Interval { get; set; }

    /// <summary>Sends the request and starts the retransmission timer (unreliable only) and the time-out.</summary>
    public void Start()
    {
        lock (Gate)
        {
            Send(Request);
            if (!Reliable)
            {
                Interval = Timers.T1;
                Retransmit.Start(Interval);
            }

            TimeoutTimer.Start(Timers.Timeout);
        }
    }

    protected abstract void OnRetransmitTimer();

    protected abstract void OnTimeoutTimer();
}
