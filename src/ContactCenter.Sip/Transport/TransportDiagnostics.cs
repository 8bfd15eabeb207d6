using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>Hands events to the user's hook, never letting the hook's own failure reach a receive loop.</summary>
internal sealed class TransportDiagnostics(Action<SipDiagnostic>? hook)
{
    public void Report(SipDiagnosticKind kind, string message, IPEndPoint? remote = null, Exception? exception = null)
    {
        if (hook is null)
        {
            return;
        }

        try
        {
            hook(new SipDiagnostic(kind, message, remote, exception));
        }
#pragma warning disable CA1031 // A logging hook that throws must not stop the transport.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
