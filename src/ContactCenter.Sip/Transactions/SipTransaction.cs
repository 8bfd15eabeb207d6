namespace ContactCenter.Sip.Transactions;

/// <summary>
/// What the four transaction machines share: a lock, the send path, the timers' clock and the end notification.
/// Machines change state and send under the lock and report their end outside it. Sends must not block
/// (UDP sends inline; stream sends are queued by the layer).
/// </summary>
internal abstract class SipTransaction : IDisposable
{
    private readonly Action<SipTransaction, TransactionEnd> _ended;
    private int _endReported;

    protected SipTransaction(string key, bool reliable, SipTimers timers, TimeProvider time, Action<ReadOnlyMemory<byte>> send, Action<SipTransaction, TransactionEnd> ended)
    {
        Key = key;
        Reliable = reliable;
        Timers = timers;
        Time = time;
        Send = send;
        _ended = ended;
    }

    /// <summary>The key the transaction layer files this transaction under.</summary>
    public string Key { get; }

    /// <summary>The current state (read without the lock it is a snapshot).</summary>
    public TransactionState State { get; protected set; }

    /// <summary>The transaction user's context for this transaction, set by the layer.</summary>
    public object? Owner { get; set; }

    protected Lock Gate { get; } = new();

    protected bool Reliable { get; }

    protected SipTimers Timers { get; }

    protected TimeProvider Time { get; }

    protected Action<ReadOnlyMemory<byte>> Send { get; }

    public void Dispose()
    {
        lock (Gate)
        {
            State = TransactionState.Terminated;
            DisposeTimers();
        }
    }

    protected abstract void DisposeTimers();

    /// <summary>Reports the end once; call outside the lock after setting <see cref="TransactionState.Terminated"/>.</summary>
    protected void ReportEnd(TransactionEnd end)
    {
        if (Interlocked.Exchange(ref _endReported, 1) == 0)
        {
            lock (Gate)
            {
                DisposeTimers();
            }

            _ended(this, end);
        }
    }
}
