namespace ContactCenter.Ivr;

/// <summary>How a flow run ended.</summary>
public enum FlowOutcome
{
    /// <summary>An End node finished the flow (the customer was served by the flow).</summary>
    Ended = 0,

    /// <summary>The interaction waited in a queue and an agent took it (or the runtime removed it from the queue).</summary>
    Enqueued,

    /// <summary>The interaction was transferred to an agent, a queue or a number.</summary>
    Transferred,

    /// <summary>The customer accepted a callback and the flow ended.</summary>
    CallbackScheduled,

    /// <summary>The customer hung up or left the chat.</summary>
    CustomerLeft,

    /// <summary>The flow could not continue (e.g. a loop without input, a missing SubFlow after a redeploy).</summary>
    Failed,
}
