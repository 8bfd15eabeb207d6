namespace ContactCenter.Channels;

/// <summary>Where an inbound message landed.</summary>
/// <param name="InteractionId">The interaction it was threaded into.</param>
/// <param name="CustomerId">The customer it was attributed to.</param>
/// <param name="EventId">The timeline event that holds it.</param>
/// <param name="NewInteraction">Whether it opened a new interaction.</param>
/// <param name="Duplicate">Whether it had been stored before (by <see cref="InboundMessage.ExternalId"/>) and was dropped.</param>
public readonly record struct InboundReceipt(InteractionId InteractionId, CustomerId CustomerId, TimelineEventId EventId, bool NewInteraction, bool Duplicate);
