namespace ContactCenter;

/// <summary>An interaction was asked to move to a state that cannot follow its current one.</summary>
public class InvalidInteractionTransitionException : ContactCenterException
{
    /// <summary>Creates the exception.</summary>
    public InvalidInteractionTransitionException() { }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidInteractionTransitionException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InvalidInteractionTransitionException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for a transition.</summary>
    public InvalidInteractionTransitionException(InteractionId id, InteractionState from, InteractionState to)
        : base($"Interaction {id} cannot move from {from} to {to}.")
    {
        InteractionId = id;
        From = from;
        To = to;
    }

    /// <summary>The interaction.</summary>
    public InteractionId InteractionId { get; }

    /// <summary>Its state.</summary>
    public InteractionState From { get; }

    /// <summary>The state asked for.</summary>
    public InteractionState To { get; }
}
