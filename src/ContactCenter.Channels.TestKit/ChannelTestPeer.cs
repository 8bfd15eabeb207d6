namespace ContactCenter.Channels.TestKit;

/// <summary>
/// The far side of a channel under test: its server (mail server, messenger API, browser) and a customer on it.
/// A connector's test project implements one for its channel; <see cref="ChannelConnectorConformanceTests"/>
/// drives it.
/// </summary>
public abstract class ChannelTestPeer : IAsyncDisposable
{
    /// <summary>
    /// A connector on this channel, not started. Called again after the kit stopped the previous one, to model a
    /// restart of the host: return a new instance (or the same one, if it can be started again), configured so that
    /// retries are quick (a <see cref="ChannelConnectorOptions.MinimumRetryDelay"/> of tens of milliseconds).
    /// </summary>
    public abstract IChannelConnector CreateConnector();

    /// <summary>
    /// The customer of <paramref name="conversation"/> sends <paramref name="text"/>. The channel keeps it until a
    /// connector acknowledges it, also while no connector is started. A new conversation name starts a new
    /// conversation (a new thread, chat or sender).
    /// </summary>
    public abstract ValueTask CustomerSendsAsync(string conversation, string text, CancellationToken cancellationToken);

    /// <summary>The texts the customer of <paramref name="conversation"/> received so far, in the order received.</summary>
    public abstract ValueTask<IReadOnlyList<string>> ReceivedByCustomerAsync(string conversation, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the channel keeps unacknowledged messages across a restart of the connector and the connector resumes
    /// from its checkpoint (a mailbox, a messenger's update queue). A channel whose customer is connected to the
    /// connector itself (a live chat socket) answers <see langword="false"/> and the restart tests are skipped.
    /// </summary>
    public virtual bool KeepsMessagesAcrossRestarts => true;

    /// <summary>
    /// Makes the channel refuse outbound messages until <see cref="RestoreSendingAsync"/> (the server is down or
    /// answers an error). Returns <see langword="false"/> if this peer cannot; the test that needs it is skipped.
    /// </summary>
    public virtual ValueTask<bool> BreakSendingAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

    /// <summary>Undoes <see cref="BreakSendingAsync"/>.</summary>
    public virtual ValueTask RestoreSendingAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Releases the peer (stops its server).</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
