namespace ContactCenter.Media.Dtmf;

/// <summary>A DTMF digit received as an RFC 4733 event, reported once when the event ends.</summary>
/// <param name="Digit">0–9, *, #, A–D; '\0' for a non-DTMF event code.</param>
/// <param name="Event">The raw event code.</param>
/// <param name="Duration">How long the key was held (all segments of a long event added up).</param>
/// <param name="EndSeen">Whether an end packet arrived; <see langword="false"/> when the end was inferred (next event or silence).</param>
public readonly record struct DtmfDigit(char Digit, byte Event, TimeSpan Duration, bool EndSeen);
