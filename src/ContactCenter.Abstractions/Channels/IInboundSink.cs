namespace ContactCenter.Channels;

/// <summary>The hub's entry for inbound traffic. Thread-safe; connectors call it from any thread.</summary>
public interface IInboundSink
{
    /// <summary>
    /// Persists an inbound message (resolving the customer and threading it into an interaction) and completes
    /// only when it is durable. A connector acknowledges to its channel only after this completes; if it
    /// throws, nothing was written and the connector must not acknowledge.
    /// </summary>
    /// <returns>Where the message landed, or that it was a duplicate of one already stored.</returns>
    ValueTask<InboundReceipt> AcceptAsync(InboundMessage message, CancellationToken cancellationToken);
}
