using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transport;

namespace ContactCenter.Sip.Transactions;

/// <summary>
/// A request sent through a client transaction: provisional responses and 2xx retransmissions go to
/// <see cref="Progress"/>, the first final response (or a synthesized 408 on timeout, RFC 3261 section 8.1.3.1)
/// completes <see cref="Final"/>.
/// </summary>
internal sealed class ClientRequest
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ClientRequest(SipRequest request, SipTarget target, Action<SipResponse>? progress)
    {
        Request = request;
        Target = target;
        Progress = progress;
    }

    public SipRequest Request { get; }

    public SipTarget Target { get; }

    /// <summary>Called (on a transport thread) for 1xx, and for every 2xx to an INVITE after the first.</summary>
    public Action<SipResponse>? Progress { get; }

    public Task<SipResponse> Final => _final.Task;

    /// <summary>The provisional response seen most recently, if any (a CANCEL may only follow one, RFC 3261 section 9.1).</summary>
    public SipResponse? LastProvisional { get; set; }

    public SipTransaction? Transaction { get; set; }

    /// <summary>When (on the stack's clock, <see cref="TimeProvider.GetTimestamp"/>) the final response arrived; waits that start from it (a 491 retry) count from here, not from when a thread-pool continuation ran.</summary>
    public long FinalTimestamp { get; set; }

    internal bool Complete(SipResponse response) => _final.TrySetResult(response);
}
