using System.Diagnostics.CodeAnalysis;
using System.Text;
using ContactCenter.Sip.Sdp;

namespace ContactCenter.Sip.UserAgents;

/// <summary>
/// A message body and its media type, e.g. an SDP offer or answer (<see cref="Sdp(string)"/>). The stack carries
/// bodies without reading them; build SDP with the <c>ContactCenter.Sip.Sdp</c> model and pass its text here.
/// </summary>
/// <param name="ContentType">The media type, e.g. <c>application/sdp</c>.</param>
/// <param name="Content">The bytes.</param>
public readonly record struct SipBody(string ContentType, ReadOnlyMemory<byte> Content)
{
    /// <summary>The SDP media type.</summary>
    public const string SdpContentType = "application/sdp";

    /// <summary>An <c>application/sdp</c> body from SDP text.</summary>
    /// <param name="sdp">The session description.</param>
    public static SipBody Sdp(string sdp) => new(SdpContentType, Encoding.UTF8.GetBytes(sdp));

    /// <summary>An <c>application/sdp</c> body from the SDP model (e.g. <see cref="SdpNegotiator.CreateOffer"/> or an answer).</summary>
    /// <param name="description">The session description.</param>
    public static SipBody Sdp(SdpSessionDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return new(SdpContentType, description.ToBytes());
    }

    /// <summary>Parses an SDP body into the SDP model; false when the body is not SDP or does not parse.</summary>
    /// <param name="description">The session description, when it parses.</param>
    public bool TryGetSdp([NotNullWhen(true)] out SdpSessionDescription? description)
    {
        description = null;
        return IsSdp && SdpSessionDescription.TryParse(Content.Span, out description, out _);
    }

    /// <summary>The content decoded as UTF-8 (SDP and other text bodies).</summary>
    public string Text => Encoding.UTF8.GetString(Content.Span);

    /// <summary>True for an SDP body.</summary>
    public bool IsSdp => ContentType.StartsWith(SdpContentType, StringComparison.OrdinalIgnoreCase);
}
