namespace ContactCenter.Ivr.State;

/// <summary>A SubFlow call in progress: where to return when the called flow ends.</summary>
/// <param name="FlowName">The calling flow.</param>
/// <param name="ReturnNodeId">The node of the calling flow to continue at.</param>
public readonly record struct FlowFrame(string FlowName, string ReturnNodeId);
