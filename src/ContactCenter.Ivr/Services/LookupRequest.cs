namespace ContactCenter.Ivr.Services;

/// <summary>What a lookup handler receives.</summary>
/// <param name="Lookup">The registered lookup name.</param>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Channel">The session's channel.</param>
/// <param name="Arguments">The node's arguments, with variables substituted.</param>
public readonly record struct LookupRequest(
    string Lookup,
    InteractionId InteractionId,
    string Channel,
    IReadOnlyDictionary<string, string> Arguments);
