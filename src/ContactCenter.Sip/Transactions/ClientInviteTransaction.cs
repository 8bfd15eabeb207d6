namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The INVITE client transaction (RFC 3261 section 17.1.1, with RFC 6026's Accepted state): timer A retransmits
/// the INVITE on unreliable transports (T1, doubling), timer B gives up after 64·T1 in Calling, timer D absorbs
/// final-response retransmissions (re-sending the ACK), timer M absorbs 2xx retransmissions (passed up so the
/// UAC core re-sends its own ACK).
/// </summary>
internal sealed class ClientInviteTransaction : ClientTransaction
{
    private ReadOnlyMemory<byte> _ack;

    public ClientInviteTransaction(
        string key,
        ReadOnlyMemory<byte> request,
        bool reliable,
        SipTimers timers,
        TimeProvider time,
        Action<ReadOnlyMemory<byte>> send,
        Action<SipTransaction, TransactionEnd> ended)
        : base(key, request, reliable, timers, time, send, ended)
    {
        State = TransactionState.Calling;
    }

    /// <summary>Feeds a response that matched this transaction.</summary>
    public ResponseDisposition OnResponse(int statusCode)
    {
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Calling or TransactionState.Proceeding:
                    Retransmit.Stop();
                    if (statusCode < 200)
                    {
                        // Timer B only guards the Calling state; a ringing call waits for the UAC to cancel.
                        TimeoutTimer.Stop();
                        State = TransactionState.Proceeding;
                        return ResponseDisposition.Deliver;
                    }

                    if (statusCode < 300)
                    {
                        State = TransactionState.Accepted;
                        TimeoutTimer.Start(Timers.Timeout);
                        return ResponseDisposition.Deliver;
                    }

                    State = TransactionState.Completed;
                    TimeoutTimer.Start(Timers.D(Reliable));
                    return ResponseDisposition.DeliverAndAck;

                case TransactionState.Completed:
                    if (statusCode >= 300 && !_ack.IsEmpty)
                    {
                        Send(_ack);
                    }

                    return ResponseDisposition.Absorb;

                case TransactionState.Accepted:
                    return statusCode is >= 200 and < 300 ? ResponseDisposition.Deliver : ResponseDisposition.Absorb;

                default:
                    return ResponseDisposition.Absorb;
            }
        }
    }

    /// <summary>Sends the ACK for a non-2xx final response and keeps it for re-sending (RFC 3261 section 17.1.1.3).</summary>
    public void SendAck(ReadOnlyMemory<byte> ack)
    {
        lock (Gate)
        {
            if (State != TransactionState.Completed)
            {
                return;
            }

            _ack = ack;
            Send(ack);
        }
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
            if (State != TransactionState.Calling)
            {
                return;
            }

            Send(Request);
            Interval = Timers.Next(Interval, capped: false);
            Retransmit.Start(Interval);
        }
    }

    protected override void OnTimeoutTimer()
    {
        TransactionEnd end;
        lock (Gate)
        {
            switch (State)
            {
                case TransactionState.Calling:
                    end = TransactionEnd.Timeout;
                    break;
                case TransactionState.Completed or TransactionState.Accepted:
                    end = TransactionEnd.Completed;
                    break;
                default:
                    return;
            }

            State = TransactionState.Terminated;
        }

        ReportEnd(end);
    }
}
