namespace ContactCenter.Channels;

/// <summary>
/// A connector for one medium (SIP, email, web chat, Telegram...). It hands inbound traffic to an
/// <see cref="IInboundSink"/> and acknowledges it to its channel only after the sink's task completes (the hub
/// has persisted it); it sends outbound messages idempotently by <see cref="OutboundMessage.Id"/>.
/// </summary>
public interface IChannelConnector
{
    /// <summary>The connector's unique name, for example <c>email:support</c>; stored on every interaction.</summary>
    string Name { get; }

    /// <summary>The kind of work the channel produces.</summary>
    MediaType Media { get; }

    /// <summary>What the channel can carry.</summary>
    ChannelCapabilities Capabilities { get; }

    /// <summary>Starts receiving; inbound traffic goes to <paramref name="sink"/>.</summary>
    /// <param name="sink">Where inbound messages go.</param>
    /// <param name="checkpoint">The last checkpoint stored with a message of this channel, to resume from.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    Task StartAsync(IInboundSink sink, string? checkpoint, CancellationToken cancellationToken);

    /// <summary>Stops receiving; in-flight inbound messages are finished or abandoned unacknowledged.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Sends a message to the customer. Sending the same <see cref="OutboundMessage.Id"/> twice must not deliver twice.</summary>
    /// <exception cref="ChannelException">The channel failed; <see cref="ChannelCommandException"/> when it refused with a status.</exception>
    Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
