namespace ContactCenter;

/// <summary>A code an agent picks when wrapping up (for example <c>resolved</c>, <c>follow-up</c>).</summary>
/// <param name="Code">The stable code.</param>
/// <param name="DisplayName">Text shown to agents.</param>
/// <param name="Resolved">Whether the customer's issue counts as resolved (first-contact resolution KPI).</param>
public sealed record WrapUpCode(string Code, string? DisplayName = null, bool Resolved = false);
