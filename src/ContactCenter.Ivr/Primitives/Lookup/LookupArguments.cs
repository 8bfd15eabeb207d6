namespace ContactCenter.Ivr.Primitives.Lookup;

/// <summary>Raised by Lookup.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Lookup">The lookup name.</param>
/// <param name="Status">The outcome.</param>
/// <param name="Elapsed">How long it took on the runner's clock.</param>
/// <param name="Error">The exception when <see cref="LookupStatus.Failed"/>.</param>
public readonly record struct LookupArguments(InteractionId InteractionId, string NodeId, string Lookup, LookupStatus Status, TimeSpan Elapsed, Exception? Error);
