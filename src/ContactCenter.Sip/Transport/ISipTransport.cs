using System.Net;

namespace ContactCenter.Sip.Transport;

/// <summary>One listening transport (a UDP socket or a TCP listener with its connections).</summary>
internal interface ISipTransport : IAsyncDisposable
{
    /// <summary>The protocol, for <c>Via</c> and for choosing a transport.</summary>
    SipTransportProtocol Protocol { get; }

    /// <summary>The bound local address (the real port when the options said 0).</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Starts receiving.</summary>
    void Start();

    /// <summary>Sends one serialized message to <paramref name="remote"/>, opening a connection if the protocol needs one.</summary>
    ValueTask SendAsync(ReadOnlyMemory<byte> message, IPEndPoint remote, CancellationToken cancellationToken);
}
