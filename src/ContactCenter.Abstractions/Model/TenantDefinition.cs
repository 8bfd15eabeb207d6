namespace ContactCenter;

/// <summary>A tenant: a client project with its own queues and dedicated agents.</summary>
/// <param name="Id">The tenant's id.</param>
/// <param name="DisplayName">Name shown to supervisors.</param>
public sealed record TenantDefinition(TenantId Id, string? DisplayName = null);
