using System.Collections.Concurrent;

namespace ContactCenter.Ivr.State;

/// <summary>An in-process <see cref="IFlowStateStore"/>. Saves copy into a per-interaction slot reused across saves, so
/// the steady state allocates nothing. Thread-safe for different interactions; one writer per interaction.</summary>
public sealed class InMemoryFlowStateStore : IFlowStateStore
{
    private readonly ConcurrentDictionary<InteractionId, FlowState> _states = new();

    /// <summary>The number of interactions with saved state.</summary>
    public int Count => _states.Count;

    /// <inheritdoc />
    public ValueTask<FlowState?> LoadAsync(InteractionId interactionId, CancellationToken cancellationToken)
    {
        if (_states.TryGetValue(interactionId, out var saved))
        {
            lock (saved)
            {
                return new ValueTask<FlowState?>(saved.Clone());
            }
        }

        return new ValueTask<FlowState?>((FlowState?)null);
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(FlowState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var slot = _states.GetOrAdd(state.InteractionId, static _ => new FlowState());
        lock (slot)
        {
            slot.CopyFrom(state);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Removes an interaction's state.</summary>
    /// <param name="interactionId">The interaction.</param>
    /// <returns>True when something was removed.</returns>
    public bool Remove(InteractionId interactionId) => _states.TryRemove(interactionId, out _);
}
