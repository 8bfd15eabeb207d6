using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Primitives.SubFlow;
using ContactCenter.Ivr.Sessions;
using ContactCenter.Ivr.State;

namespace ContactCenter.Ivr;

/// <summary>
/// Executes flows of a <see cref="FlowCatalog"/> over sessions. One runner serves any number of concurrent runs
/// (one per interaction). The state is saved on every node entry, so a runner created after a restart over the same
/// <see cref="IFlowStateStore"/> resumes a flow at the node where it stopped, with its variables
/// (<see cref="RunAsync"/> or <see cref="ResumeAsync"/>). Cancelling a run leaves its state saved for resumption.
/// Thread-safe.
/// </summary>
public sealed class FlowRunner
{
    /// <summary>Creates a runner and builds the catalog if it is not built yet.</summary>
    /// <param name="catalog">The flows.</param>
    /// <param name="options">Services and limits. Default: system clock, in-memory state, no host.</param>
    /// <exception cref="FlowValidationException">The catalog does not validate.</exception>
    /// <exception cref="ContactCenterConfigurationException">The options do not validate (every problem at once).</exception>
    public FlowRunner(FlowCatalog catalog, FlowRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        catalog.Build();
        Catalog = catalog;
        Options = options ?? new FlowRunnerOptions();
        var problems = Options.Validate();
        if (problems.Count > 0)
        {
            throw new ContactCenterConfigurationException(problems);
        }
    }

    /// <summary>The flows.</summary>
    public FlowCatalog Catalog { get; }

    /// <summary>The services and limits.</summary>
    public FlowRunnerOptions Options { get; }

    /// <summary>Resumes the interaction's saved flow when one is running; otherwise starts the flow bound to the
    /// session's entry point or channel (see <see cref="FlowCatalog.ResolveFlow"/>).</summary>
    /// <param name="session">The session.</param>
    /// <param name="cancellationToken">Stops the run; its state stays saved.</param>
    /// <returns>How the run ended.</returns>
    /// <exception cref="InvalidOperationException">No flow is bound for the session.</exception>
    public async ValueTask<FlowRunResult> RunAsync(IFlowSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var saved = await Options.StateStore.LoadAsync(session.InteractionId, cancellationToken).ConfigureAwait(false);
        if (saved is { Status: FlowRunStatus.Running })
        {
            return await ContinueAsync(session, saved, cancellationToken).ConfigureAwait(false);
        }

        var flow = Catalog.ResolveFlow(session.Channel, session.EntryPoint)
            ?? throw new InvalidOperationException($"No flow is bound to channel '{session.Channel}' or entry point '{session.EntryPoint}', and there is no default flow.");
        return await StartAsync(session, flow.Name, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a flow from its start node, replacing any saved state of the interaction.</summary>
    /// <param name="session">The session.</param>
    /// <param name="flowName">The flow.</param>
    /// <param name="variables">Initial variables, or null.</param>
    /// <param name="cancellationToken">Stops the run; its state stays saved.</param>
    /// <returns>How the run ended.</returns>
    public ValueTask<FlowRunResult> StartAsync(
        IFlowSession session,
        string flowName,
        IReadOnlyDictionary<string, string>? variables = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var flow = Catalog.GetFlow(flowName);
        var state = new FlowState { InteractionId = session.InteractionId, FlowName = flow.Name, NodeId = flow.StartNodeId };
        if (variables is not null)
        {
            foreach (var pair in variables)
            {
                state.Variables[pair.Key] = pair.Value;
            }
        }

        return ExecuteAsync(session, state, flow, flow.Start, resumed: false, cancellationToken);
    }

    /// <summary>Resumes the interaction's saved flow at the node where it stopped, with its variables.</summary>
    /// <param name="session">The session (a new one after a restart).</param>
    /// <param name="cancellationToken">Stops the run; its state stays saved.</param>
    /// <returns>How the run ended.</returns>
    /// <exception cref="InvalidOperationException">No running flow is saved for the interaction.</exception>
    public async ValueTask<FlowRunResult> ResumeAsync(IFlowSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var saved = await Options.StateStore.LoadAsync(session.InteractionId, cancellationToken).ConfigureAwait(false);
        if (saved is not { Status: FlowRunStatus.Running })
        {
            throw new InvalidOperationException($"No running flow is saved for interaction '{session.InteractionId}'.");
        }

        return await ContinueAsync(session, saved, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<FlowRunResult> ContinueAsync(IFlowSession session, FlowState state, CancellationToken cancellationToken)
    {
        state.InteractionId = session.InteractionId;
        if (!Catalog.TryGetFlow(state.FlowName, out var flow))
        {
            return CompleteAsync(session, state, FlowOutcome.Failed, state.FlowName, state.NodeId,
                $"the saved flow '{state.FlowName}' is no longer registered", cancellationToken);
        }

        // A redeployed flow may have lost the node: start that flow over, keeping the variables.
        var node = flow.FindNode(state.NodeId) ?? flow.Start;
        return ExecuteAsync(session, state, flow, node, resumed: true, cancellationToken);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<FlowRunResult> ExecuteAsync(
        IFlowSession session,
        FlowState state,
        Flow flow,
        FlowNode node,
        bool resumed,
        CancellationToken cancellationToken)
    {
        using var x = new FlowExecution(this, session, state, cancellationToken) { Flow = flow };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            state.FlowName = x.Flow.Name;
            state.NodeId = node.Id;
            state.Status = FlowRunStatus.Running;
            state.Step++;
            if (Options.SaveMode == FlowStateSaveMode.EveryStep)
            {
                await x.SaveAsync().ConfigureAwait(false);
            }

            if (Options.OnStep is { } onStep)
            {
                await onStep(new FlowStepArguments(session.InteractionId, x.Flow.Name, node.Id, node.Kind, state.Step, resumed)).ConfigureAwait(false);
            }

            resumed = false;
            if (++x.StepsWithoutInput > Options.MaxStepsWithoutInput)
            {
                return await CompleteAsync(session, state, FlowOutcome.Failed, x.Flow.Name, node.Id,
                    $"more than {Options.MaxStepsWithoutInput} steps without customer input (a loop?)", cancellationToken).ConfigureAwait(false);
            }

            var result = await node.ExecuteAsync(x).ConfigureAwait(false);
            switch (result.Kind)
            {
                case NodeResultKind.Continue:
                    node = result.Next!;
                    continue;

                case NodeResultKind.Call:
                    if (!Catalog.TryGetFlow(result.Detail!, out var sub))
                    {
                        return await CompleteAsync(session, state, FlowOutcome.Failed, x.Flow.Name, node.Id,
                            $"SubFlow '{result.Detail}' is not registered", cancellationToken).ConfigureAwait(false);
                    }

                    state.CallStack.Add(new FlowFrame(x.Flow.Name, ((SubFlowNode)node).ReturnTo!.Id));
                    x.Flow = sub;
                    node = sub.Start;
                    continue;

                default:
                    if (result.Outcome == FlowOutcome.Ended && state.CallStack.Count > 0)
                    {
                        var frame = state.CallStack[^1];
                        state.CallStack.RemoveAt(state.CallStack.Count - 1);
                        var caller = Catalog.TryGetFlow(frame.FlowName, out var f) ? f : null;
                        var returnTo = caller?.FindNode(frame.ReturnNodeId);
                        if (caller is null || returnTo is null)
                        {
                            return await CompleteAsync(session, state, FlowOutcome.Failed, frame.FlowName, frame.ReturnNodeId,
                                "the SubFlow's caller is no longer registered", cancellationToken).ConfigureAwait(false);
                        }

                        x.Flow = caller;
                        node = returnTo;
                        continue;
                    }

                    return await CompleteAsync(session, state, result.Outcome, x.Flow.Name, node.Id, result.Detail, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask<FlowRunResult> CompleteAsync(
        IFlowSession session,
        FlowState state,
        FlowOutcome outcome,
        string flowName,
        string nodeId,
        string? detail,
        CancellationToken cancellationToken)
    {
        state.Status = FlowRunStatus.Completed;
        state.FlowName = flowName;
        state.NodeId = nodeId;
        state.UpdatedAt = Options.TimeProvider.GetUtcNow();
        await Options.StateStore.SaveAsync(state, cancellationToken).ConfigureAwait(false);
        var runResult = new FlowRunResult(outcome, flowName, nodeId, detail, state.Variables);
        if (Options.OnCompleted is { } onCompleted)
        {
            await onCompleted(new FlowCompletedArguments(session.InteractionId, runResult)).ConfigureAwait(false);
        }

        return runResult;
    }
}
