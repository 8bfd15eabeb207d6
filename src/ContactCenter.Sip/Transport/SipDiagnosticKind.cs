namespace ContactCenter.Sip.Transport;

/// <summary>What a <see cref="SipDiagnostic"/> reports.</summary>
public enum SipDiagnosticKind
{
    /// <summary>A request that could not be parsed; it was answered 400 when it could be answered at all.</summary>
    MalformedRequest,

    /// <summary>A response that could not be parsed or matched nothing; it was dropped.</summary>
    MalformedResponse,

    /// <summary>A message larger than <see cref="SipTransportOptions.MaxMessageSize"/>; it was refused.</summary>
    Oversized,

    /// <summary>A source sent more than <see cref="SipTransportOptions.MaxMessagesPerSecondPerSource"/>; its excess was dropped.</summary>
    RateLimited,

    /// <summary>A socket or connection failed; the transport kept serving.</summary>
    TransportError,

    /// <summary>Application code (a call or registration handler) threw; the stack answered 500 where it could.</summary>
    HandlerError,

    /// <summary>A TCP or TLS connection was closed because it stayed idle, or left a message incomplete, too long.</summary>
    ConnectionTimedOut,
}
