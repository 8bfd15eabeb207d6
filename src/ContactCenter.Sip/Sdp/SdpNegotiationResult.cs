namespace ContactCenter.Sip.Sdp;

/// <summary>
/// The outcome of an offer/answer exchange for the audio stream, from this side's point of view: the codec and
/// DTMF payload types to send, where to send RTP, and which way media flows. A failure carries 488.
/// </summary>
public sealed class SdpNegotiationResult
{
    internal SdpNegotiationResult(string error)
    {
        Error = error;
        StatusCode = 488;
    }

    internal SdpNegotiationResult(SdpSessionDescription? answer, SdpRtpMap codec, SdpRtpMap? telephoneEvent, string remoteAddress, int remotePort, SdpDirection direction, int? packetTime)
    {
        Answer = answer;
        Codec = codec;
        TelephoneEvent = telephoneEvent;
        RemoteAddress = remoteAddress;
        RemotePort = remotePort;
        Direction = direction;
        PacketTime = packetTime;
    }

    /// <summary>True when an audio stream was agreed.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>488 Not Acceptable Here on failure; 0 on success.</summary>
    public int StatusCode { get; }

    /// <summary>Why the exchange failed; <see langword="null"/> on success.</summary>
    public string? Error { get; }

    /// <summary>The answer to send (from <see cref="SdpNegotiator.CreateAnswer"/>); <see langword="null"/> otherwise.</summary>
    public SdpSessionDescription? Answer { get; }

    /// <summary>The voice codec, with the payload type to use.</summary>
    public SdpRtpMap? Codec { get; }

    /// <summary>The telephone-event (RFC 4733) payload type agreed; <see langword="null"/> when the peer has none.</summary>
    public SdpRtpMap? TelephoneEvent { get; }

    /// <summary>The peer's RTP address.</summary>
    public string? RemoteAddress { get; }

    /// <summary>The peer's RTP port.</summary>
    public int RemotePort { get; }

    /// <summary>Which way media flows, seen from this side (sendonly: this side sends, the peer only listens).</summary>
    public SdpDirection Direction { get; }

    /// <summary>The packet time the peer asked for; <see langword="null"/> when it did not say.</summary>
    public int? PacketTime { get; }
}
