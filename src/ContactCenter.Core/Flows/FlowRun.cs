namespace ContactCenter.Core.Flows;

/// <summary>One interaction's flow while it runs: its session, its queue ticket and the interaction state as
/// seen on the event stream. Shared by the runner's task, the event pump and the hub's message hand-over
/// (<see cref="IFlowLauncher.OnMessage"/>, the one path for customer input).</summary>
internal sealed class FlowRun(Interaction interaction, InteractionFlowSession session)
{
    private int _state = (int)InteractionState.InFlow;
    private InteractionQueueTicket? _ticket;

    public Interaction Interaction { get; } = interaction;

    public InteractionId Id => Interaction.Id;

    public InteractionFlowSession Session { get; } = session;

    /// <summary>The state of the interaction as last seen on the event stream.</summary>
    public InteractionState State => (InteractionState)Volatile.Read(ref _state);

    /// <summary>The wait of the current Enqueue node, if any.</summary>
    public InteractionQueueTicket? Ticket
    {
        get => Volatile.Read(ref _ticket);
        set => Volatile.Write(ref _ticket, value);
    }

    /// <summary>Set when a TransferToNumber succeeded: the interaction is closed with that reason when the run ends.</summary>
    public string? TransferredToNumber { get; set; }

    /// <summary>Called by the event pump, in commit order.</summary>
    public void OnStateChanged(InteractionState to)
    {
        Volatile.Write(ref _state, (int)to);
        Ticket?.OnStateChanged(to);
        if (InteractionStateMachine.IsTerminal(to))
        {
            Session.Disconnect();
        }
    }
}
