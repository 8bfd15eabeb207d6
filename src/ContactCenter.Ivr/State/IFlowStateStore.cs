namespace ContactCenter.Ivr.State;

/// <summary>
/// Persists flow state per interaction so that a restarted runtime resumes a flow where it stopped. Core backs it
/// with the interaction timeline; <see cref="InMemoryFlowStateStore"/> is for tests and single-process use.
/// Implementations must be safe for concurrent calls on different interactions.
/// </summary>
public interface IFlowStateStore
{
    /// <summary>Loads the last saved state of an interaction.</summary>
    /// <param name="interactionId">The interaction.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>A state the caller owns, or null when none was saved.</returns>
    ValueTask<FlowState?> LoadAsync(InteractionId interactionId, CancellationToken cancellationToken);

    /// <summary>Saves the state. The runner saves on every node entry and at the end of a run; it reuses
    /// <paramref name="state"/>, so copy or serialise it before the returned task completes.</summary>
    /// <param name="state">The state (its <see cref="FlowState.InteractionId"/> is the key).</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    ValueTask SaveAsync(FlowState state, CancellationToken cancellationToken);
}
