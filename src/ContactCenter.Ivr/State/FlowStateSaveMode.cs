namespace ContactCenter.Ivr.State;

/// <summary>When the runner saves flow state.</summary>
public enum FlowStateSaveMode
{
    /// <summary>On every node entry (and at the end): a restart resumes at the exact node. The default.</summary>
    EveryStep = 0,

    /// <summary>Only before the flow waits for the customer (input, queue, recording) and at the end: far fewer
    /// writes for durable stores; a restart resumes at the last node that waited, re-running the steps after it
    /// (prompts said again, lookups called again).</summary>
    BeforeWaits,
}
