namespace ContactCenter.Sip.Messages;

/// <summary>One header line of a SIP message: its canonical name and its value (folding undone, trimmed).</summary>
/// <param name="Name">The header name; canonical for known headers (see <see cref="SipHeaderNames"/>).</param>
/// <param name="Value">The header value as one line; may hold several comma-separated values.</param>
public readonly record struct SipHeader(string Name, string Value);
