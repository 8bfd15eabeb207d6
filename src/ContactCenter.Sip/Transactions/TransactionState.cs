namespace ContactCenter.Sip.Transactions;

/// <summary>The states of the four RFC 3261 section 17 transaction machines, with RFC 6026's Accepted.</summary>
internal enum TransactionState
{
    /// <summary>Client INVITE: request sent, nothing heard.</summary>
    Calling,

    /// <summary>Non-INVITE: request sent (client) or received (server), no response yet.</summary>
    Trying,

    /// <summary>A provisional response was received (client) or sent (server).</summary>
    Proceeding,

    /// <summary>A final response was received (client) or sent (server); absorbing retransmissions.</summary>
    Completed,

    /// <summary>Server INVITE: the ACK for a non-2xx final response arrived; absorbing ACK retransmissions.</summary>
    Confirmed,

    /// <summary>INVITE: a 2xx was received (client) or sent (server) (RFC 6026 section 7).</summary>
    Accepted,

    /// <summary>Done; the transaction layer forgets it.</summary>
    Terminated,
}
