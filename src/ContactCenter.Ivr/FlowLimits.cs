namespace ContactCenter.Ivr;

/// <summary>The ranges validation accepts for time-outs and counts.</summary>
public static class FlowLimits
{
    /// <summary>Shortest input time-out: 1 second.</summary>
    public static readonly TimeSpan MinInputTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Longest input time-out: 1 hour (text conversations are slow).</summary>
    public static readonly TimeSpan MaxInputTimeout = TimeSpan.FromHours(1);

    /// <summary>Shortest lookup time-out: 100 ms.</summary>
    public static readonly TimeSpan MinLookupTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest lookup time-out: 2 minutes.</summary>
    public static readonly TimeSpan MaxLookupTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Shortest interval between queue messages: 5 seconds.</summary>
    public static readonly TimeSpan MinQueueMessageInterval = TimeSpan.FromSeconds(5);

    /// <summary>Longest interval between queue messages: 30 minutes.</summary>
    public static readonly TimeSpan MaxQueueMessageInterval = TimeSpan.FromMinutes(30);

    /// <summary>Longest grace period before the first hold message: 5 minutes.</summary>
    public static readonly TimeSpan MaxHoldMessageDelay = TimeSpan.FromMinutes(5);

    /// <summary>Longest recording: 30 minutes.</summary>
    public static readonly TimeSpan MaxRecordingLength = TimeSpan.FromMinutes(30);

    /// <summary>Most retries of a menu or an input: 10.</summary>
    public const int MaxRetries = 10;
}
