namespace ContactCenter.Sip.Sdp;

/// <summary>
/// An audio codec this side can use, for offers and answers: encoding name and clock rate (matched
/// case-insensitively), its static payload type if it has one, and an fmtp value to offer.
/// </summary>
/// <param name="EncodingName">The encoding name, e.g. <c>PCMU</c>.</param>
/// <param name="ClockRate">The clock rate in Hz.</param>
/// <param name="StaticPayloadType">The static payload type (RFC 3551), or <see langword="null"/> for a dynamic one.</param>
/// <param name="PreferredDynamicPayloadType">The payload type to offer when dynamic (96–127).</param>
/// <param name="Fmtp">The <c>a=fmtp</c> parameters to offer, or <see langword="null"/>.</param>
public sealed record SdpCodec(string EncodingName, int ClockRate, int? StaticPayloadType, int PreferredDynamicPayloadType = 101, string? Fmtp = null)
{
    /// <summary>G.711 µ-law, static payload type 0.</summary>
    public static SdpCodec Pcmu { get; } = new("PCMU", 8000, 0);

    /// <summary>G.711 A-law, static payload type 8.</summary>
    public static SdpCodec Pcma { get; } = new("PCMA", 8000, 8);

    /// <summary>RFC 4733 DTMF events, dynamic (offered as 101) with events 0-16.</summary>
    public static SdpCodec TelephoneEvent { get; } = new("telephone-event", 8000, null, 101, "0-16");

    /// <summary>True for <c>telephone-event</c>, which rides beside a voice codec rather than replacing it.</summary>
    public bool IsTelephoneEvent => string.Equals(EncodingName, "telephone-event", StringComparison.OrdinalIgnoreCase);

    /// <summary>The payload type this codec is offered with.</summary>
    public int OfferPayloadType => StaticPayloadType ?? PreferredDynamicPayloadType;

    internal bool Matches(SdpRtpMap map) =>
        string.Equals(map.EncodingName, EncodingName, StringComparison.OrdinalIgnoreCase) && map.ClockRate == ClockRate;
}
