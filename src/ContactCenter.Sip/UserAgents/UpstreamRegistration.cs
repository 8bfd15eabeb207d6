namespace ContactCenter.Sip.UserAgents;

/// <summary>The Call-ID, From tag and CSeq counter of our registration with one upstream registrar (RFC 3261 section 10.2.4: refreshes reuse them).</summary>
internal sealed class UpstreamRegistration(string callId, string fromTag)
{
    private long _sequence;

    public string CallId => callId;

    public string FromTag => fromTag;

    public uint NextSequence() => (uint)Interlocked.Increment(ref _sequence);

    /// <summary>A retry used <paramref name="sequence"/>; the next request must go above it.</summary>
    public void Skip(uint sequence)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _sequence);
            if (current >= sequence)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _sequence, sequence, current) != current);
    }
}
