using System.Text.Json.Serialization;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.OfferCallback;

/// <summary>Options of OfferCallback: asks whether the customer wants a call back (a two-choice menu), takes the
/// number from the session (caller id) or asks for it, and schedules it with
/// <see cref="Services.IFlowHost.ScheduleCallbackAsync"/>. Accepted: <see cref="Accepted"/> or, when unset, the flow
/// ends with <see cref="FlowOutcome.CallbackScheduled"/>. Declined, silent or failed: <see cref="Declined"/> /
/// Next.</summary>
public sealed class OfferCallbackOptions : NodeOptions
{
    /// <summary>The question.</summary>
    public string Prompt { get; set; } = "Would you like us to call you back?";

    /// <summary>Label of the yes choice.</summary>
    public string AcceptLabel { get; set; } = "Yes, call me back";

    /// <summary>Label of the no choice.</summary>
    public string DeclineLabel { get; set; } = "No, thanks";

    /// <summary>Key of the yes choice. Default: <c>1</c>.</summary>
    public string AcceptKey { get; set; } = "1";

    /// <summary>Key of the no choice. Default: <c>2</c>.</summary>
    public string DeclineKey { get; set; } = "2";

    /// <summary>How long to wait for each answer. Default: 10 s; allowed 1 s to 1 h.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Asks for the number when the session has none (text channels, hidden caller id).</summary>
    public string NumberPrompt { get; set; } = "Please enter the phone number we should call.";

    /// <summary>The queue whose agents should call back, or null for the host's default.</summary>
    public string? Queue { get; set; }

    /// <summary>Said when the callback is scheduled; <c>{callback.number}</c> is replaced.</summary>
    public string Confirmation { get; set; } = "Thank you. We will call you back at {callback.number}.";

    /// <summary>Said when the host could not schedule the callback.</summary>
    public string FailureMessage { get; set; } = "Sorry, we could not schedule a call back.";

    /// <summary>Where to go after scheduling; null ends the flow with <see cref="FlowOutcome.CallbackScheduled"/>.</summary>
    public string? Accepted { get; set; }

    /// <summary>Where to go when declined, silent or failed. Default: Next / the next node.</summary>
    public string? Declined { get; set; }

    /// <summary>Called with the outcome.</summary>
    [JsonIgnore]
    public Func<OfferCallbackArguments, ValueTask>? OnAnswered { get; set; }

    internal override FlowNode CreateNode(string id) => new OfferCallbackNode(id, this);
}
