using System.Net;
using ContactCenter.Media.Codecs;
using ContactCenter.Media.Dtmf;
using ContactCenter.Media.Jitter;

namespace ContactCenter.Media.Rtp;

/// <summary>Configuration of one <see cref="RtpSession"/> (one call leg).</summary>
public sealed class RtpSessionOptions
{
    /// <summary>
    /// Local address and RTP port. Port 0 picks a free even port in [<see cref="PortMin"/>, <see cref="PortMax"/>]
    /// with RTCP on the next (odd) port, as RFC 3550 §11 recommends. Default: any IPv4 address, port 0.
    /// </summary>
    public IPEndPoint LocalEndPoint { get; init; } = new(IPAddress.Any, 0);

    /// <summary>Lowest port tried when <see cref="LocalEndPoint"/> has port 0: 10000.</summary>
    public int PortMin { get; init; } = 10000;

    /// <summary>Highest port tried when <see cref="LocalEndPoint"/> has port 0: 20000.</summary>
    public int PortMax { get; init; } = 20000;

    /// <summary>The negotiated audio codec: PCMU.</summary>
    public AudioCodec Codec { get; init; } = AudioCodec.Pcmu;

    /// <summary>Telephone-event sending (payload type, durations, volume).</summary>
    public DtmfSenderOptions Dtmf { get; init; } = new();

    /// <summary>Jitter buffer depths.</summary>
    public JitterBufferOptions Jitter { get; init; } = new();

    /// <summary>Interval between RTCP reports: 5 s (RFC 3550 §6.2 minimum).</summary>
    public TimeSpan RtcpInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Send low-level noise (<see langword="true"/>, default) or digital silence when nothing plays.</summary>
    public bool ComfortNoise { get; init; } = true;

    /// <summary>The RTCP CNAME; a random per-session name when <see langword="null"/> (RFC 7022).</summary>
    public string? CanonicalName { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(LocalEndPoint);
        if (PortMin is < 1024 or > 65534 || PortMax < PortMin + 1 || PortMax > 65535)
        {
            throw new ArgumentException($"PortMin ({PortMin}) and PortMax ({PortMax}) must satisfy 1024 ≤ PortMin < PortMax ≤ 65535.");
        }

        if (Codec is not (AudioCodec.Pcmu or AudioCodec.Pcma))
        {
            throw new ArgumentException($"Codec {Codec} is not supported; PCMU or PCMA.");
        }

        if (RtcpInterval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentException($"RtcpInterval ({RtcpInterval}) must be at least 1 s.");
        }

        if (Dtmf.PayloadType is < 96 or > 127)
        {
            throw new ArgumentException($"The telephone-event payload type ({Dtmf.PayloadType}) must be dynamic (96–127).");
        }

        Jitter.Validate();
    }
}
