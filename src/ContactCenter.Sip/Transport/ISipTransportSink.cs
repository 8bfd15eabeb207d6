using System.Net;
using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Transport;

/// <summary>Where transports hand what they receive (the layer above: parsing and transactions).</summary>
internal interface ISipTransportSink
{
    /// <summary>
    /// One datagram from <paramref name="remote"/>. <paramref name="message"/> is only valid during the call;
    /// the sink must copy what it keeps. Called on transport threads; exceptions are caught and reported.
    /// </summary>
    void OnMessage(ISipTransport transport, IPEndPoint remote, ReadOnlyMemory<byte> message);

    /// <summary>One message a stream framer already cut and parsed (or rejected, with the response it is owed).</summary>
    void OnParsed(ISipTransport transport, IPEndPoint remote, SipParseResult result);
}
