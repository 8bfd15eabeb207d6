namespace ContactCenter.Sip.Messages;

/// <summary>What a UAS supports, for <see cref="SipRequestValidator"/>. Immutable once built; thread-safe.</summary>
public sealed class SipValidationOptions
{
    /// <summary>Defaults: <c>sip</c>/<c>sips</c> URIs, no extensions, SDP bodies, not a proxy.</summary>
    public static SipValidationOptions Default { get; } = new();

    /// <summary>Request-URI schemes served; others get 416 (default <c>sip</c>, <c>sips</c>).</summary>
    public IReadOnlyCollection<string> SupportedUriSchemes { get; init; } = ["sip", "sips"];

    /// <summary>Option tags understood in Require; others get 420 with Unsupported (default none).</summary>
    public IReadOnlyCollection<string> SupportedExtensions { get; init; } = [];

    /// <summary>Body media types accepted; others get 415 with Accept (default <c>application/sdp</c>).</summary>
    public IReadOnlyCollection<string> AcceptedContentTypes { get; init; } = ["application/sdp"];

    /// <summary>Media types this UAS answers an INVITE with; an Accept allowing none of them gets 406 (default <c>application/sdp</c>).</summary>
    public IReadOnlyCollection<string> ResponseContentTypes { get; init; } = ["application/sdp"];

    /// <summary>True to check as a proxy would: Max-Forwards 0 gets 483, Proxy-Require is checked (default false).</summary>
    public bool ActAsProxy { get; init; }
}
