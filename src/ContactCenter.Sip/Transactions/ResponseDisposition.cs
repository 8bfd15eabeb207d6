namespace ContactCenter.Sip.Transactions;

/// <summary>What the layer above should do with a response a client transaction was given.</summary>
internal enum ResponseDisposition
{
    /// <summary>A retransmission or stray: drop it (the transaction already did whatever it needed).</summary>
    Absorb,

    /// <summary>Pass it to the transaction user.</summary>
    Deliver,

    /// <summary>Pass it to the transaction user and build the non-2xx ACK, handing it to <see cref="ClientInviteTransaction.SendAck"/>.</summary>
    DeliverAndAck,
}
