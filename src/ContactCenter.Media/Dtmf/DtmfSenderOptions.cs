namespace ContactCenter.Media.Dtmf;

/// <summary>How digits are sent as RFC 4733 events.</summary>
public sealed class DtmfSenderOptions
{
    /// <summary>Key-down time of a digit when the caller gives none: 100 ms.</summary>
    public TimeSpan DefaultDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pause between two queued digits (audio resumes in between): 60 ms.</summary>
    public TimeSpan InterDigitGap { get; init; } = TimeSpan.FromMilliseconds(60);

    /// <summary>Power level in −dBm0 (RFC 4733 §2.3.4): 10.</summary>
    public byte Volume { get; init; } = 10;

    /// <summary>The payload type negotiated for telephone-event: 101.</summary>
    public byte PayloadType { get; init; } = 101;
}
