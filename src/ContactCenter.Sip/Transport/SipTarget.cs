using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>Where a message goes or came from: a transport and the peer's address.</summary>
internal readonly record struct SipTarget(ISipTransport Transport, IPEndPoint EndPoint)
{
    /// <summary>True for stream transports (no retransmission timers, zero wait timers).</summary>
    public bool IsReliable => Transport.Protocol != SipTransportProtocol.Udp;

    /// <summary>Sends without waiting: UDP completes inline, a stream send's failure is reported.</summary>
    public void Send(ReadOnlyMemory<byte> message, TransportDiagnostics diagnostics)
    {
        ValueTask pending;
        try
        {
            pending = Transport.SendAsync(message, EndPoint, CancellationToken.None);
        }
#pragma warning disable CA1031 // A failed send is reported, never thrown into a timer or receive loop.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            diagnostics.Report(SipDiagnosticKind.TransportError, $"Sending to {EndPoint} failed.", EndPoint, exception);
            return;
        }

        if (!pending.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(pending, EndPoint, diagnostics);
        }
    }

    private static async Task ObserveAsync(ValueTask pending, IPEndPoint endPoint, TransportDiagnostics diagnostics)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // See Send.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            diagnostics.Report(SipDiagnosticKind.TransportError, $"Sending to {endPoint} failed.", endPoint, exception);
        }
    }
}
