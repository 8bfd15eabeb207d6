namespace ContactCenter.Sip.Transactions;

/// <summary>
/// The RFC 3261 timer base values (section 17, table 4) and the timers derived from them. Timers D, I, J and K are
/// zero on reliable transports; A, E and G never run on them. Timer C belongs to proxies and is not used here.
/// </summary>
internal sealed record SipTimers(TimeSpan T1, TimeSpan T2, TimeSpan T4)
{
    /// <summary>T1 = 500 ms (RTT estimate), T2 = 4 s (maximum non-INVITE retransmit interval), T4 = 5 s (maximum network lifetime).</summary>
    public static SipTimers Default { get; } = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));

    /// <summary>64·T1: timers B, F, H, J and the RFC 6026 timers L and M.</summary>
    public TimeSpan Timeout => T1 * 64;

    /// <summary>Timer D: how long a completed INVITE client transaction absorbs final-response retransmissions (at least 32 s).</summary>
    public TimeSpan D(bool reliable) => reliable ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(32).Ticks, Timeout.Ticks));

    /// <summary>Timers I and K: T4 on unreliable transports.</summary>
    public TimeSpan T4OrZero(bool reliable) => reliable ? TimeSpan.Zero : T4;

    /// <summary>Timer J: 64·T1 on unreliable transports.</summary>
    public TimeSpan J(bool reliable) => reliable ? TimeSpan.Zero : Timeout;

    /// <summary>The next retransmit interval: doubled, capped at T2 when <paramref name="capped"/> (timers E and G; A is uncapped).</summary>
    public TimeSpan Next(TimeSpan interval, bool capped)
    {
        var doubled = interval * 2;
        return capped && doubled > T2 ? T2 : doubled;
    }
}
