namespace ContactCenter.Routing;

/// <summary>
/// Receives the engine's decisions. Called on whichever thread is running the matching loop at that moment,
/// one call at a time, never concurrently. Handlers must be quick and must not block; they may call back into
/// the engine (such calls are queued and applied after the current one). Exceptions thrown by a handler are
/// passed to <see cref="OnHandlerError"/> and do not disturb routing.
/// </summary>
public abstract class RoutingHandler
{
    /// <summary>An interaction is offered to an agent.</summary>
    /// <param name="e">The offer.</param>
    public abstract void OnOffer(in OfferEventArgs e);

    /// <summary>An offer ended without being accepted.</summary>
    /// <param name="e">The offer and why.</param>
    public virtual void OnOfferEnded(in OfferEndedEventArgs e)
    {
    }

    /// <summary>An offer was accepted.</summary>
    /// <param name="e">The assignment.</param>
    public virtual void OnOfferAccepted(in OfferAcceptedEventArgs e)
    {
    }

    /// <summary>A new interaction was not queued.</summary>
    /// <param name="e">The interaction and why.</param>
    public virtual void OnInteractionRejected(in InteractionRejectedEventArgs e)
    {
    }

    /// <summary>An interaction moved to another queue.</summary>
    /// <param name="e">The move.</param>
    public virtual void OnInteractionMoved(in InteractionMovedEventArgs e)
    {
    }

    /// <summary>An interaction's requirements were relaxed by an escalation step.</summary>
    /// <param name="e">The escalation.</param>
    public virtual void OnInteractionEscalated(in InteractionEscalatedEventArgs e)
    {
    }

    /// <summary>An agent's status changed.</summary>
    /// <param name="e">The change.</param>
    public virtual void OnAgentStatusChanged(in AgentStatusChangedEventArgs e)
    {
    }

    /// <summary>An asynchronous command (enqueue, decline, complete, presence) could not be applied.</summary>
    /// <param name="e">The command and why.</param>
    public virtual void OnCommandFailed(in CommandFailedEventArgs e)
    {
    }

    /// <summary>A handler method threw. Default: ignore (routing state is never left half-changed by it).</summary>
    /// <param name="exception">The exception.</param>
    public virtual void OnHandlerError(Exception exception)
    {
    }
}
