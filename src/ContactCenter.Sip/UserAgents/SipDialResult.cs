using System.Diagnostics.CodeAnalysis;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.UserAgents;

/// <summary>How an outgoing call attempt ended: answered (with the call) or not (with the final status).</summary>
public sealed class SipDialResult
{
    internal SipDialResult(SipResponse response, SipCall? call)
    {
        Response = response;
        Call = call;
    }

    /// <summary>The final response (a synthesized 408 when the peer never answered).</summary>
    public SipResponse Response { get; }

    /// <summary>The final status code: 200 when answered, 486 busy, 487 after our CANCEL, 408 timeout, ….</summary>
    public int StatusCode => Response.StatusCode;

    /// <summary>The established call when <see cref="IsAnswered"/>.</summary>
    public SipCall? Call { get; }

    /// <summary>True when the callee answered (2xx).</summary>
    [MemberNotNullWhen(true, nameof(Call))]
    public bool IsAnswered => Call is not null;

    /// <inheritdoc/>
    public override string ToString() => $"{StatusCode} {Response.ReasonPhrase}";
}
