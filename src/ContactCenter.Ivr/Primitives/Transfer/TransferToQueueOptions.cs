using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Services;

namespace ContactCenter.Ivr.Primitives.Transfer;

/// <summary>Options of TransferToQueue: hands the interaction to routing without waiting in the flow (use Enqueue to
/// keep the customer company while waiting).</summary>
public sealed class TransferToQueueOptions : TransferOptions
{
    /// <summary>The queue. Required.</summary>
    public string Queue { get; set; } = string.Empty;

    /// <summary>Skills the agent needs.</summary>
    public IList<string> Skills { get; set; } = new List<string>();

    /// <summary>Priority; higher is served first. Default: 0.</summary>
    public int Priority { get; set; }

    internal override FlowNode CreateNode(string id) => new TransferNode(id, this, TransferKind.Queue, Queue, nameof(Queue), Skills, Priority);
}
