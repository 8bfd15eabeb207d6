namespace ContactCenter;

/// <summary>The legal transitions between <see cref="InteractionState"/> values.</summary>
/// <remarks>
/// new → in flow → queued → offered → connected → wrap-up → closed, with these extra moves: a flow or an
/// agent can close directly; a queued, offered or in-flow interaction can be abandoned; an offer that is
/// declined or times out returns to queued; a waiting (queued or offered) interaction can go back to the flow that
/// waits with it when the customer leaves the queue (voicemail, call back); a connected interaction can be transferred (back to queued, or
/// to the terminal-for-this-leg <see cref="InteractionState.Transferred"/>); wrap-up can be skipped.
/// </remarks>
public static class InteractionStateMachine
{
    private static readonly ulong[] s_allowed = Build();

    /// <summary>Whether moving from <paramref name="from"/> to <paramref name="to"/> is legal.</summary>
    public static bool IsAllowed(InteractionState from, InteractionState to)
        => (uint)from < (uint)s_allowed.Length && (s_allowed[(int)from] & (1UL << (int)to)) != 0;

    /// <summary>Whether no transition leaves <paramref name="state"/>.</summary>
    public static bool IsTerminal(InteractionState state)
        => state is InteractionState.Closed or InteractionState.Abandoned or InteractionState.Transferred;

    /// <summary>Throws <see cref="InvalidInteractionTransitionException"/> when the move is illegal.</summary>
    public static void EnsureAllowed(InteractionId id, InteractionState from, InteractionState to)
    {
        if (!IsAllowed(from, to))
        {
            throw new InvalidInteractionTransitionException(id, from, to);
        }
    }

    private static ulong[] Build()
    {
        var table = new ulong[Enum.GetValues<InteractionState>().Length];
        void Allow(InteractionState from, params InteractionState[] to)
        {
            foreach (var t in to)
            {
                table[(int)from] |= 1UL << (int)t;
            }
        }

        Allow(InteractionState.New, InteractionState.InFlow, InteractionState.Queued, InteractionState.Offered,
            InteractionState.Connected, InteractionState.Closed, InteractionState.Abandoned);
        Allow(InteractionState.InFlow, InteractionState.Queued, InteractionState.Closed, InteractionState.Abandoned,
            InteractionState.Transferred);
        Allow(InteractionState.Queued, InteractionState.Offered, InteractionState.Queued, InteractionState.Abandoned,
            InteractionState.Closed, InteractionState.Transferred, InteractionState.InFlow);
        Allow(InteractionState.Offered, InteractionState.Connected, InteractionState.Queued, InteractionState.Abandoned,
            InteractionState.InFlow);
        Allow(InteractionState.Connected, InteractionState.WrapUp, InteractionState.Closed, InteractionState.Queued,
            InteractionState.Transferred);
        Allow(InteractionState.WrapUp, InteractionState.Closed);
        return table;
    }
}
