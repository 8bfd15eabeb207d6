namespace ContactCenter.Ivr.Primitives.Enqueue;

/// <summary>What happened in the queue.</summary>
public enum EnqueueEventKind
{
    /// <summary>The interaction entered the queue.</summary>
    Queued = 0,

    /// <summary>The customer heard an update.</summary>
    Update,

    /// <summary>The customer chose to leave.</summary>
    Left,

    /// <summary>The wait ended (agent connected or removed by the runtime).</summary>
    Ended,

    /// <summary>The queue refused the interaction.</summary>
    Refused,

    /// <summary>The maximum wait was reached.</summary>
    MaxWaitReached,
}
