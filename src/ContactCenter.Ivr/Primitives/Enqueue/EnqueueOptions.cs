using System.Text.Json.Serialization;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Primitives.Menu;

namespace ContactCenter.Ivr.Primitives.Enqueue;

/// <summary>
/// Options of Enqueue: puts the interaction in a queue through <see cref="Services.IFlowHost.EnqueueAsync"/> and keeps
/// the customer company while waiting — after <see cref="HoldMessageDelay"/> and only while no agent is being offered
/// the interaction, a hold message, then every <see cref="MessageInterval"/> the position and
/// estimated wait when the host knows them, and the <see cref="LeaveChoices"/> (e.g. voicemail, callback). The flow
/// ends with <see cref="FlowOutcome.Enqueued"/> when an agent takes the interaction. Next is where the flow goes when
/// the queue refuses it.
/// </summary>
public sealed class EnqueueOptions : NodeOptions
{
    /// <summary>The queue. Required.</summary>
    public string Queue { get; set; } = string.Empty;

    /// <summary>Skills the agent needs.</summary>
    public IList<string> Skills { get; set; } = new List<string>();

    /// <summary>Priority; higher is served first. Default: 0.</summary>
    public int Priority { get; set; }

    /// <summary>Said once the interaction has waited <see cref="HoldMessageDelay"/> without an agent, and with each
    /// update when no position is known.</summary>
    public string HoldMessage { get; set; } = "All our agents are busy. Please stay with us.";

    /// <summary>Said when the host knows the position; <c>{queue.position}</c> is replaced.</summary>
    public string PositionMessage { get; set; } = "You are number {queue.position} in the queue.";

    /// <summary>Said when the host knows the estimated wait; <c>{queue.wait}</c> (e.g. <c>6 minutes</c>) and
    /// <c>{queue.waitMinutes}</c> (e.g. <c>6</c>) are replaced.</summary>
    public string WaitTimeMessage { get; set; } = "The estimated wait is about {queue.wait}.";

    /// <summary>
    /// How long the interaction waits before the customer hears the hold message. When an agent is free the offer
    /// goes out at once; announcing "all agents are busy" right before the agent's greeting would be false. While an
    /// offer is out at the end of the delay the node keeps silent and looks again one delay later. Default: 5 s;
    /// allowed 0 (announce at once) to 5 min. JSON: <c>"holdMessageDelay": "5s"</c>.
    /// </summary>
    public TimeSpan HoldMessageDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the customer hears an update. Default: 30 s; allowed 5 s to 30 min.</summary>
    public TimeSpan MessageInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Introduces the leave choices.</summary>
    public string LeavePrompt { get; set; } = "You can also leave the queue.";

    /// <summary>Ways to leave the queue, e.g. to a Record node (voicemail) or an OfferCallback node.</summary>
    public IList<MenuChoice> LeaveChoices { get; set; } = new List<MenuChoice>();

    /// <summary>The longest wait, or null for no limit.</summary>
    public TimeSpan? MaxWait { get; set; }

    /// <summary>Where to go after <see cref="MaxWait"/>; required when MaxWait is set.</summary>
    public string? OnMaxWait { get; set; }

    /// <summary>Called when queued, on every update, when the customer leaves and when the wait ends.</summary>
    [JsonIgnore]
    public Func<EnqueueArguments, ValueTask>? OnQueueEvent { get; set; }

    internal override FlowNode CreateNode(string id) => new EnqueueNode(id, this);
}
