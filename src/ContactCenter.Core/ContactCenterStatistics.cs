namespace ContactCenter;

/// <summary>Live counts of the running contact center.</summary>
/// <param name="InFlow">Interactions a flow is handling.</param>
/// <param name="Waiting">Interactions queued or offered.</param>
/// <param name="Connected">Interactions an agent works on.</param>
/// <param name="WrapUp">Interactions in wrap-up.</param>
/// <param name="Closed">Interactions closed since start.</param>
/// <param name="Abandoned">Interactions abandoned since start.</param>
/// <param name="MessagesIn">Inbound messages persisted since start.</param>
/// <param name="MessagesOut">Outbound messages persisted since start.</param>
/// <param name="AgentsLoggedIn">Agents logged in.</param>
/// <param name="AgentsAvailable">Agents available.</param>
public readonly record struct ContactCenterStatistics(
    int InFlow,
    int Waiting,
    int Connected,
    int WrapUp,
    long Closed,
    long Abandoned,
    long MessagesIn,
    long MessagesOut,
    int AgentsLoggedIn,
    int AgentsAvailable);
