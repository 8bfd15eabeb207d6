namespace ContactCenter.Ivr.Primitives.Lookup;

/// <summary>The outcome of a Lookup.</summary>
public enum LookupStatus
{
    /// <summary>Values were found.</summary>
    Found = 0,

    /// <summary>The handler found nothing.</summary>
    NotFound,

    /// <summary>The handler did not answer in time.</summary>
    TimedOut,

    /// <summary>The handler threw.</summary>
    Failed,
}
