namespace ContactCenter.Ivr.Primitives.Collect;

/// <summary>What happened to one collected value.</summary>
public enum CollectInputResult
{
    /// <summary>The value was valid and stored.</summary>
    Accepted = 0,

    /// <summary>The value failed the length, digit or pattern check.</summary>
    Invalid,

    /// <summary>No input before the time-out.</summary>
    TimedOut,

    /// <summary>The retries are used up; the default branch is taken.</summary>
    RetriesExhausted,
}
