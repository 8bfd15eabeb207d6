using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>A received request, its server transaction and where its responses go (RFC 3261 section 18.2.2).</summary>
internal sealed class ServerRequest
{
    private readonly TransactionLayer _layer;

    public ServerRequest(TransactionLayer layer, SipRequest request, SipTarget source, SipTarget responseTarget, SipTransaction transaction)
    {
        _layer = layer;
        Request = request;
        Source = source;
        ResponseTarget = responseTarget;
        Transaction = transaction;
    }

    public SipRequest Request { get; }

    /// <summary>The transport and address the request came from.</summary>
    public SipTarget Source { get; }

    public SipTarget ResponseTarget { get; }

    public SipTransaction Transaction { get; }

    /// <summary>The transaction user's object for this request (the incoming call or the call it belongs to).</summary>
    public object? Context { get; set; }

    /// <summary>Called once when the server transaction ends (e.g. <see cref="TransactionEnd.NoAck"/>).</summary>
    public Action<ServerRequest, TransactionEnd>? Ended { get; set; }

    /// <summary>True once a final response was sent.</summary>
    public bool IsAnswered => Transaction.State is not (TransactionState.Trying or TransactionState.Proceeding);

    /// <summary>Sends a response through the transaction; false when a final one was already sent.</summary>
    public bool Respond(SipResponse response) => _layer.Respond(this, response);

    /// <summary>Builds and sends a response with no body (with a new To tag when the request had none, RFC 3261 section 8.2.6.2).</summary>
    public bool Respond(int statusCode, string? toTag = null, string? reason = null) =>
        Respond(Request.CreateResponse(statusCode, reason, toTag ?? NewTagFor(statusCode)));

    /// <summary>A fresh To tag when a response to this request needs one: not for 100, not when the request's To has one.</summary>
    public string? NewTagFor(int statusCode) => statusCode > 100 && Request.To.Tag is null ? SipIdGenerator.NewTag() : null;
}
