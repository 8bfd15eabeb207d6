using System.Threading.Channels;
using ContactCenter.Core.Agents;

namespace ContactCenter;

/// <summary>
/// A logged-in agent: receives offers and messages through <see cref="Notifications"/>, and accepts,
/// replies, transfers and wraps up through its methods. Methods are thread-safe; each completes when its
/// effect is durable.
/// </summary>
public sealed class AgentSession
{
    private readonly IAgentOperations _hub;
    private readonly Channel<AgentNotification> _notifications = Channel.CreateUnbounded<AgentNotification>(new() { SingleReader = false, SingleWriter = true });

    internal AgentSession(AgentDefinition agent, IAgentOperations hub)
    {
        Agent = agent;
        _hub = hub;
    }

    /// <summary>The agent's definition.</summary>
    public AgentDefinition Agent { get; }

    /// <summary>The agent's id.</summary>
    public AgentId AgentId => Agent.Id;

    /// <summary>Offers, messages and ended conversations, in the order they happened.</summary>
    public ChannelReader<AgentNotification> Notifications => _notifications.Reader;

    /// <summary>The agent's presence as last set.</summary>
    public AgentState State { get; internal set; }

    /// <summary>The reason code given with the last state change (for example <c>lunch</c> for a break).</summary>
    public string? StateReason { get; internal set; }

    /// <summary>Whether the session has logged out, or a new log-in took it over (<see cref="AgentLogInOptions.TakeOver"/>); either way it no longer works.</summary>
    public bool IsLoggedOut { get; internal set; }

    /// <summary>Changes presence (available, busy, break with a reason code...).</summary>
    public Task SetStateAsync(AgentState state, string? reason = null, CancellationToken cancellationToken = default)
        => _hub.SetAgentStateAsync(this, state, reason, cancellationToken);

    /// <summary>Accepts an offer; the interaction becomes connected to this agent.</summary>
    /// <exception cref="ContactCenterException">The offer lapsed or was not made to this agent.</exception>
    public Task<Interaction> AcceptAsync(InteractionId interaction, CancellationToken cancellationToken = default)
        => _hub.AcceptAsync(this, interaction, cancellationToken);

    /// <summary>Declines an offer; the interaction returns to its place in the queue.</summary>
    public Task DeclineAsync(InteractionId interaction, CancellationToken cancellationToken = default)
        => _hub.DeclineAsync(this, interaction, cancellationToken);

    /// <summary>Sends a message to the customer through the interaction's channel.</summary>
    /// <returns>The timeline event of the message; its delivery outcome follows as a <see cref="DeliveryEvent"/>.</returns>
    public Task<MessageEvent> ReplyAsync(InteractionId interaction, MessageContent content, CancellationToken cancellationToken = default)
        => _hub.ReplyAsync(this, interaction, content, cancellationToken);

    /// <summary>Sends a text message to the customer.</summary>
    public Task<MessageEvent> ReplyAsync(InteractionId interaction, string text, CancellationToken cancellationToken = default)
        => ReplyAsync(interaction, MessageContent.FromText(text), cancellationToken);

    /// <summary>Hands the interaction to another queue; this agent's capacity is freed.</summary>
    public Task TransferToQueueAsync(InteractionId interaction, QueueId queue, CancellationToken cancellationToken = default)
        => _hub.TransferAsync(this, interaction, queue, null, cancellationToken);

    /// <summary>Hands the interaction to another agent (offered to them first, through the current queue).</summary>
    public Task TransferToAgentAsync(InteractionId interaction, AgentId agent, CancellationToken cancellationToken = default)
        => _hub.TransferAsync(this, interaction, null, agent, cancellationToken);

    /// <summary>Ends the conversation; the interaction goes to wrap-up.</summary>
    public Task EndAsync(InteractionId interaction, CancellationToken cancellationToken = default)
        => _hub.EndAsync(this, interaction, cancellationToken);

    /// <summary>Records a wrap-up code and closes the interaction; the agent's capacity is freed.</summary>
    /// <exception cref="ContactCenterException">The code is not one of the configured wrap-up codes.</exception>
    public Task WrapUpAsync(InteractionId interaction, string code, string? notes = null, CancellationToken cancellationToken = default)
        => _hub.WrapUpAsync(this, interaction, code, notes, cancellationToken);

    /// <summary>Closes the interaction without a wrap-up code (allowed only when no wrap-up codes are configured); the agent's capacity is freed.</summary>
    /// <exception cref="ContactCenterException">Wrap-up codes are configured, so one must be chosen with <see cref="WrapUpAsync"/>.</exception>
    public Task CloseAsync(InteractionId interaction, CancellationToken cancellationToken = default)
        => _hub.CloseAsync(this, interaction, cancellationToken);

    /// <summary>Logs out: the agent goes offline; interactions still assigned stay assigned until wrapped up.</summary>
    public Task LogOutAsync(CancellationToken cancellationToken = default) => _hub.LogOutAsync(this, cancellationToken);

    internal void Notify(AgentNotification notification) => _notifications.Writer.TryWrite(notification);

    internal void Complete() => _notifications.Writer.TryComplete();
}
