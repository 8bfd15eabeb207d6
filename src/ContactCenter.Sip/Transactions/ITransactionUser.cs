using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>The layer above transactions (the user agent core).</summary>
internal interface ITransactionUser
{
    /// <summary>A new request (not a retransmission, not an ACK) with its server transaction. Called on a transport thread: do not block.</summary>
    void OnRequest(ServerRequest request);

    /// <summary>An ACK that matched no INVITE server transaction in Completed: the ACK for a 2xx (RFC 3261 section 13.3.1.4).</summary>
    void OnAck(SipRequest ack, SipTarget source);

    /// <summary>A 2xx to an INVITE whose client transaction is gone: a retransmission the UAC core must ACK again.</summary>
    void OnStray2xx(SipResponse response, SipTarget source);
}
