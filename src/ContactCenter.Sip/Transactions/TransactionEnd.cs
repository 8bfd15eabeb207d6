namespace ContactCenter.Sip.Transactions;

/// <summary>Why a transaction ended, as reported to its owner.</summary>
internal enum TransactionEnd
{
    /// <summary>The normal end (timers D, I, J, K, L or M ran out, or a reliable transport needed no wait).</summary>
    Completed,

    /// <summary>Timer B or F: no final response. The transaction user acts as if it got a 408.</summary>
    Timeout,

    /// <summary>Server INVITE: a 2xx was never acknowledged within 64·T1. The UAS should send BYE (RFC 3261 section 13.3.1.4).</summary>
    NoAck,

    /// <summary>Timer H: a non-2xx final response was never acknowledged.</summary>
    NoAckForFailure,
}
