namespace ContactCenter.Sip.Sdp;

/// <summary>What this side offers or answers with, for <see cref="SdpNegotiator"/>. Immutable; thread-safe.</summary>
public sealed class SdpLocalMedia
{
    /// <summary>The local RTP address written in <c>c=</c> and <c>o=</c> (required).</summary>
    public required string Address { get; init; }

    /// <summary>The local RTP port for audio (required, even, 1–65535).</summary>
    public required int AudioPort { get; init; }

    /// <summary>The audio codecs in preference order (default PCMU, PCMA, telephone-event).</summary>
    public IReadOnlyList<SdpCodec> Codecs { get; init; } = [SdpCodec.Pcmu, SdpCodec.Pcma, SdpCodec.TelephoneEvent];

    /// <summary>The direction wanted: sendrecv normally, sendonly to hold, inactive to stop media (default sendrecv).</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>The <c>o=</c> session id; keep it for the whole dialog (default 0: derived from the clock by the caller if wanted).</summary>
    public ulong SessionId { get; init; }

    /// <summary>The <c>o=</c> version; increment it on every new offer or answer in a dialog (default 0).</summary>
    public ulong SessionVersion { get; init; }

    /// <summary>The <c>o=</c> user name (default <c>-</c>).</summary>
    public string UserName { get; init; } = "-";

    /// <summary>The packet time to ask for with <c>a=ptime</c>; <see langword="null"/> to leave it out (default 20).</summary>
    public int? PacketTime { get; init; } = 20;

    internal string AddressType => Address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4";
}
