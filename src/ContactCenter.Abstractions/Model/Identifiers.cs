namespace ContactCenter;

// Small strongly-typed identifiers. Kept together because each is a one-line wrapper.

/// <summary>Identifies a customer. Customer ids are assigned by the hub and never reused.</summary>
/// <param name="Value">The underlying id.</param>
public readonly record struct CustomerId(Guid Value)
{
    /// <summary>Creates a new time-ordered id for the given moment.</summary>
    public static CustomerId New(DateTimeOffset now) => new(Guid.CreateVersion7(now));

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}

/// <summary>Identifies an interaction (one contact in one channel).</summary>
/// <param name="Value">The underlying id.</param>
public readonly record struct InteractionId(Guid Value)
{
    /// <summary>Creates a new time-ordered id for the given moment.</summary>
    public static InteractionId New(DateTimeOffset now) => new(Guid.CreateVersion7(now));

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}

/// <summary>Identifies one event on an interaction timeline or a customer's audit trail.</summary>
/// <param name="Value">The underlying id.</param>
public readonly record struct TimelineEventId(Guid Value)
{
    /// <summary>Creates a new time-ordered id for the given moment.</summary>
    public static TimelineEventId New(DateTimeOffset now) => new(Guid.CreateVersion7(now));

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}

/// <summary>Identifies an agent; chosen by the host (for example a login name).</summary>
/// <param name="Value">The agent's id.</param>
public readonly record struct AgentId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifies a queue; chosen by the host (for example "sales").</summary>
/// <param name="Value">The queue's id.</param>
public readonly record struct QueueId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifies a tenant (a client project served by dedicated agents).</summary>
/// <param name="Value">The tenant's id.</param>
public readonly record struct TenantId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>Identifies a case (a customer issue) in the host's or an external ticketing system.</summary>
/// <param name="Value">The case's id.</param>
public readonly record struct CaseId(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
