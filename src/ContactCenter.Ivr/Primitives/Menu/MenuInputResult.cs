namespace ContactCenter.Ivr.Primitives.Menu;

/// <summary>What happened to one menu answer.</summary>
public enum MenuInputResult
{
    /// <summary>A choice was selected.</summary>
    Chosen = 0,

    /// <summary>The input matched no choice.</summary>
    Invalid,

    /// <summary>No input before the time-out.</summary>
    TimedOut,

    /// <summary>The retries are used up; the default branch is taken.</summary>
    RetriesExhausted,
}
