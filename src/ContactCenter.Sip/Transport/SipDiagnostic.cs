using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>
/// One event worth logging from the SIP stack: the stack has no logging dependency, so it hands these to
/// <see cref="SipTransportOptions.Diagnostics"/> — once per event, never for the normal path.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Message">A human-readable description.</param>
/// <param name="Remote">The peer concerned, when there is one.</param>
/// <param name="Exception">The exception behind it, when there is one.</param>
public readonly record struct SipDiagnostic(SipDiagnosticKind Kind, string Message, IPEndPoint? Remote = null, Exception? Exception = null);
