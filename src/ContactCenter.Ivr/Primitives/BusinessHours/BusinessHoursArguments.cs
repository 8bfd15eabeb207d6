namespace ContactCenter.Ivr.Primitives.BusinessHours;

/// <summary>Raised by BusinessHours.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Status">Open, closed or holiday.</param>
/// <param name="LocalTime">The time in the schedule's time zone.</param>
public readonly record struct BusinessHoursArguments(InteractionId InteractionId, string NodeId, BusinessHoursStatus Status, DateTimeOffset LocalTime);
