namespace ContactCenter.Core.Routing;

/// <summary>An interaction waiting for an agent.</summary>
/// <param name="Interaction">The interaction.</param>
/// <param name="Queue">The queue it waits in.</param>
/// <param name="Media">Its media type (capacity is counted per media type).</param>
/// <param name="Tenant">Its tenant; only that tenant's agents may take it.</param>
/// <param name="Priority">Higher first.</param>
/// <param name="EnqueuedAt">When it first entered the queue; its place in line.</param>
/// <param name="PreferredAgent">An agent to offer it to first (last agent, transfer to agent).</param>
public readonly record struct RoutingRequest(
    InteractionId Interaction,
    QueueId Queue,
    MediaType Media,
    TenantId? Tenant,
    int Priority,
    DateTimeOffset EnqueuedAt,
    AgentId? PreferredAgent = null);
