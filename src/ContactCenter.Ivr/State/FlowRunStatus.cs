namespace ContactCenter.Ivr.State;

/// <summary>Whether a saved flow is still running.</summary>
public enum FlowRunStatus
{
    /// <summary>The flow is at <see cref="FlowState.NodeId"/>; a new runner resumes it there.</summary>
    Running = 0,

    /// <summary>The flow finished; nothing to resume.</summary>
    Completed,
}
