using System.Diagnostics.CodeAnalysis;
using ContactCenter.Sip.Dialogs;
using ContactCenter.Sip.Messages;
using ContactCenter.Sip.Transactions;

namespace ContactCenter.Sip.UserAgents;

/// <summary>
/// A new inbound INVITE waiting for the application's answer: ring (optionally with early media), accept with
/// an SDP answer, or reject. The caller may give up first (CANCEL): <see cref="Cancelled"/> fires and the stack
/// has already answered 487. Thread-safe; the first final answer wins.
/// </summary>
public sealed class SipIncomingCall
{
    private readonly UserAgentCore _core;
    private readonly ServerRequest _invite;
    private readonly CancellationTokenSource _cancelled = new();
    private readonly Lock _gate = new();
    private bool _answered;

    internal SipIncomingCall(UserAgentCore core, ServerRequest invite, string localTag)
    {
        _core = core;
        _invite = invite;
        LocalTag = localTag;
        Offer = SipCall.BodyOf(invite.Request);
    }

    /// <summary>The INVITE as received (From, To, Request-URI, every header).</summary>
    public SipRequest Request => _invite.Request;

    /// <summary>The caller.</summary>
    public SipNameAddress From => _invite.Request.From;

    /// <summary>Who was called.</summary>
    public SipNameAddress To => _invite.Request.To;

    /// <summary>The caller's SDP offer; null for an offerless INVITE (the offer then comes in our 200 and the answer in the ACK).</summary>
    public SipBody? Offer { get; }

    /// <summary>Fires when the caller cancels before the call is answered (the stack has answered 487).</summary>
    public CancellationToken Cancelled => _cancelled.Token;

    internal string LocalTag { get; }

    /// <summary>The early dialog our provisional responses form: Call-ID, our To tag, the caller's From tag.</summary>
    internal DialogKey EarlyDialogKey => new(_invite.Request.CallId, LocalTag, _invite.Request.From.Tag ?? string.Empty);

    /// <summary>
    /// Sends 180 Ringing, or with <paramref name="earlyMedia"/> 183 Session Progress carrying
    /// <paramref name="earlyAnswer"/> so the caller hears our media (prompts, ringback) before the answer.
    /// </summary>
    /// <param name="earlyMedia">Send 183 with an SDP answer instead of 180.</param>
    /// <param name="earlyAnswer">The SDP answer for early media; required when <paramref name="earlyMedia"/> is true.</param>
    /// <returns>False when the call was already answered, rejected or cancelled.</returns>
    public bool Ring(bool earlyMedia = false, SipBody? earlyAnswer = null)
    {
        if (earlyMedia && earlyAnswer is null)
        {
            throw new ArgumentNullException(nameof(earlyAnswer), "Early media needs an SDP answer.");
        }

        lock (_gate)
        {
            if (_answered)
            {
                return false;
            }

            var response = _core.CreateResponse(_invite, earlyMedia ? 183 : 180, LocalTag);
            if (earlyMedia)
            {
                SipCall.SetBody(response, earlyAnswer!.Value);
            }

            return _invite.Respond(response);
        }
    }

    /// <summary>Answers 200 OK with <paramref name="answer"/> and returns the established call.</summary>
    /// <param name="answer">Our SDP answer (or offer, when the INVITE had none).</param>
    /// <param name="call">The call, when accepted.</param>
    /// <returns>False when the call was already answered, rejected or cancelled.</returns>
    public bool TryAccept(SipBody? answer, [NotNullWhen(true)] out SipCall? call)
    {
        lock (_gate)
        {
            call = null;
            if (_answered)
            {
                return false;
            }

            _answered = true;
            var established = _core.AcceptIncoming(_invite, LocalTag, answer, Offer);
            _core.ForgetEarly(this);
            call = established;
            return true;
        }
    }

    /// <summary>Rejects the call with a final status (486 Busy Here by default; 480, 603, 404 are also common).</summary>
    /// <param name="statusCode">300-699.</param>
    /// <param name="reasonPhrase">The reason phrase; the standard one by default.</param>
    /// <returns>False when the call was already answered, rejected or cancelled.</returns>
    public bool Reject(int statusCode = 486, string? reasonPhrase = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        lock (_gate)
        {
            if (_answered)
            {
                return false;
            }

            _answered = true;
            _core.ForgetEarly(this);
            return _invite.Respond(_core.CreateResponse(_invite, statusCode, LocalTag, reasonPhrase));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"Incoming call {_invite.Request.CallId} from {From}";

    /// <summary>The caller's CANCEL, or its BYE in the early dialog: answer 487 unless already answered (RFC 3261 sections 9.2 and 15.1.2).</summary>
    internal bool Cancel()
    {
        lock (_gate)
        {
            if (_answered)
            {
                return false;
            }

            _answered = true;
            _core.ForgetEarly(this);
            _invite.Respond(_core.CreateResponse(_invite, 487, LocalTag));
        }

        _cancelled.Cancel();
        return true;
    }
}
