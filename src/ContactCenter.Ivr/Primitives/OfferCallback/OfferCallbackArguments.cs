namespace ContactCenter.Ivr.Primitives.OfferCallback;

/// <summary>Raised by OfferCallback.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Accepted">Whether the customer said yes.</param>
/// <param name="PhoneNumber">The number to call, when accepted.</param>
/// <param name="Scheduled">Whether the host scheduled it.</param>
public readonly record struct OfferCallbackArguments(InteractionId InteractionId, string NodeId, bool Accepted, string? PhoneNumber, bool Scheduled);
