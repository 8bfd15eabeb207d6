using System.Globalization;
using System.Text.Json;
using ContactCenter.Ivr.State;

namespace ContactCenter.Core.Flows;

/// <summary>
/// Flow state on the interaction timeline: every save is a <see cref="FlowProgressEvent"/> (flow, node and the flow
/// variables, plus three reserved variables for the run status, the step and the SubFlow call stack); a load reads
/// the last one. This is the event the hub reads on restart to know which flow to resume.
/// </summary>
internal sealed class TimelineFlowStateStore(IFlowContactCenter contactCenter) : IFlowStateStore
{
    public const string StatusKey = "$flow.status";
    public const string StepKey = "$flow.step";
    public const string StackKey = "$flow.stack";

    public async ValueTask<FlowState?> LoadAsync(InteractionId interactionId, CancellationToken cancellationToken)
    {
        var timeline = await contactCenter.GetTimelineAsync(interactionId, cancellationToken).ConfigureAwait(false);
        FlowProgressEvent? last = null;
        for (var i = timeline.Count - 1; i >= 0 && last is null; i--)
        {
            last = timeline[i] as FlowProgressEvent;
        }

        if (last is null)
        {
            return null;
        }

        var state = new FlowState
        {
            InteractionId = interactionId,
            FlowName = last.Flow,
            NodeId = last.Node ?? string.Empty,
            UpdatedAt = last.Timestamp,
        };
        foreach (var (key, value) in last.Variables)
        {
            switch (key)
            {
                case StatusKey:
                    state.Status = value == "completed" ? FlowRunStatus.Completed : FlowRunStatus.Running;
                    break;
                case StepKey:
                    state.Step = long.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case StackKey:
                    state.CallStack.AddRange(JsonSerializer.Deserialize<List<FlowFrame>>(value) ?? []);
                    break;
                default:
                    state.Variables[key] = value;
                    break;
            }
        }

        return state;
    }

    public async ValueTask SaveAsync(FlowState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var variables = new Dictionary<string, string>(state.Variables.Count + 3, StringComparer.Ordinal);
        foreach (var (key, value) in state.Variables)
        {
            variables[key] = value;
        }

        variables[StatusKey] = state.Status == FlowRunStatus.Completed ? "completed" : "running";
        variables[StepKey] = state.Step.ToString(CultureInfo.InvariantCulture);
        if (state.CallStack.Count > 0)
        {
            variables[StackKey] = JsonSerializer.Serialize(state.CallStack);
        }

        // RecordFlowProgressAsync snapshots the variables before it returns, so the runner may reuse the state at once.
        await contactCenter.RecordFlowProgressAsync(state.InteractionId, state.FlowName, state.NodeId, variables, cancellationToken).ConfigureAwait(false);
    }
}
