namespace ContactCenter.Core.Agents;

/// <summary>What an <see cref="AgentSession"/> asks of the hub.</summary>
internal interface IAgentOperations
{
    Task SetAgentStateAsync(AgentSession session, AgentState state, string? reason, CancellationToken cancellationToken);

    Task<Interaction> AcceptAsync(AgentSession session, InteractionId interaction, CancellationToken cancellationToken);

    Task DeclineAsync(AgentSession session, InteractionId interaction, CancellationToken cancellationToken);

    Task<MessageEvent> ReplyAsync(AgentSession session, InteractionId interaction, MessageContent content, CancellationToken cancellationToken);

    Task TransferAsync(AgentSession session, InteractionId interaction, QueueId? queue, AgentId? agent, CancellationToken cancellationToken);

    Task EndAsync(AgentSession session, InteractionId interaction, CancellationToken cancellationToken);

    Task WrapUpAsync(AgentSession session, InteractionId interaction, string code, string? notes, CancellationToken cancellationToken);

    Task CloseAsync(AgentSession session, InteractionId interaction, CancellationToken cancellationToken);

    Task LogOutAsync(AgentSession session, CancellationToken cancellationToken);
}
