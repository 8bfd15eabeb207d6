namespace ContactCenter.Sip.Messages;

/// <summary>Limits for <see cref="SipParser"/> and <see cref="SipStreamFramer"/>.</summary>
public sealed class SipParserOptions
{
    /// <summary>The defaults: messages up to 65,535 bytes.</summary>
    public static SipParserOptions Default { get; } = new();

    /// <summary>The largest message accepted, in bytes; larger requests are answered 513 (default 65,535).</summary>
    public int MaxMessageSize { get; init; } = 65_535;
}
