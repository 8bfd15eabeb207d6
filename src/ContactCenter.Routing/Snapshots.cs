namespace ContactCenter.Routing;

/// <summary>Where a waiting interaction stands, for announcements.</summary>
public readonly record struct WaitEstimate
{
    /// <summary>The queue it waits in.</summary>
    public QueueSlot Queue { get; init; }

    /// <summary>1 = next in line (among the queue's interactions, in the queue's order).</summary>
    public int Position { get; init; }

    /// <summary>How many wait in the queue.</summary>
    public int Waiting { get; init; }

    /// <summary>How long it has waited.</summary>
    public TimeSpan Waited { get; init; }

    /// <summary>Estimated time until an agent takes it: position × recent interval between assignments from the queue.</summary>
    public TimeSpan EstimatedWait { get; init; }
}

/// <summary>Counters of a queue.</summary>
public readonly record struct QueueStatistics
{
    /// <summary>Interactions waiting now.</summary>
    public int Waiting { get; init; }

    /// <summary>Interactions accepted by an agent so far.</summary>
    public long Answered { get; init; }

    /// <summary>Of those, accepted within the service-level target.</summary>
    public long AnsweredWithinTarget { get; init; }

    /// <summary>Interactions cancelled or abandoned while waiting or offered.</summary>
    public long Abandoned { get; init; }

    /// <summary>Interactions rejected or sent to callback.</summary>
    public long Rejected { get; init; }

    /// <summary>Answered within target / answered, or 1 when nothing was answered yet.</summary>
    public double ServiceLevel => Answered == 0 ? 1 : (double)AnsweredWithinTarget / Answered;
}

/// <summary>What a strategy can see about an agent when scoring it.</summary>
public readonly record struct AgentSnapshot
{
    /// <summary>The agent.</summary>
    public AgentSlot Agent { get; init; }

    /// <summary>Derived status.</summary>
    public AgentStatus Status { get; init; }

    /// <summary>Time since the agent last became idle or last got an offer.</summary>
    public TimeSpan Idle { get; init; }

    /// <summary>Interactions held (offered, connected, wrap-up), all media.</summary>
    public int Load { get; init; }

    /// <summary>Total capacity, all media.</summary>
    public int Capacity { get; init; }

    /// <summary>Cumulated connected time of completed interactions.</summary>
    public TimeSpan TalkTime { get; init; }

    /// <summary>Offers accepted so far.</summary>
    public long Assigned { get; init; }

    /// <summary>Sum of the agent's levels in the skills the queue requires.</summary>
    public int SkillScore { get; init; }

    /// <summary>The agent's <see cref="AgentOptions.Weight"/>.</summary>
    public double Weight { get; init; }
}
