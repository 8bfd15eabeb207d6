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

    /// <summary>Checks the options; every problem is named in one <see cref="ArgumentException"/>.</summary>
    internal void Validate()
    {
        var problems = new List<string>();
        if (LocalEndPoint is null)
        {
            problems.Add(ConfigurationText.Format(nameof(RtpSessionOptions), null, nameof(LocalEndPoint), "is missing", "the local IP address to bind"));
        }

        if (PortMin is < 1024 or > 65534 || PortMax < PortMin + 1 || PortMax > 65535)
        {
            problems.Add(ConfigurationText.Format(nameof(RtpSessionOptions), null, $"{nameof(PortMin)}, {nameof(PortMax)}", $"{PortMin} to {PortMax} is not a port range", $"1024 <= {nameof(PortMin)} < {nameof(PortMax)} <= 65535"));
        }

        if (Codec is not (AudioCodec.Pcmu or AudioCodec.Pcma))
        {
            problems.Add(ConfigurationText.Format(nameof(RtpSessionOptions), null, nameof(Codec), $"{Codec} is not supported", "Pcmu or Pcma"));
        }

        if (RtcpInterval < TimeSpan.FromSeconds(1))
        {
            problems.Add(ConfigurationText.Format(nameof(RtpSessionOptions), null, nameof(RtcpInterval), $"{RtcpInterval} is too short", "1 s or more"));
        }

        if (Dtmf is null || Jitter is null)
        {
            problems.Add(ConfigurationText.Format(nameof(RtpSessionOptions), null, $"{nameof(Dtmf)}, {nameof(Jitter)}", "is missing", "both set"));
        }
        else
        {
            if (Dtmf.PayloadType is < 96 or > 127)
            {
                problems.Add(ConfigurationText.Format(nameof(RtpSessionOptions), nameof(Dtmf), nameof(DtmfSenderOptions.PayloadType), $"{Dtmf.PayloadType} is not a dynamic payload type", "96 to 127"));
            }

            if (Dtmf.Volume > 63 || Dtmf.DefaultDuration <= TimeSpan.Zero || Dtmf.InterDigitGap < TimeSpan.Zero)
            {
                problems.Add(ConfigurationText.Format(nameof(RtpSessionOptions), nameof(Dtmf), $"{nameof(DtmfSenderOptions.Volume)}, {nameof(DtmfSenderOptions.DefaultDuration)}, {nameof(DtmfSenderOptions.InterDigitGap)}", $"volume {Dtmf.Volume}, duration {Dtmf.DefaultDuration} or gap {Dtmf.InterDigitGap} is out of range", "volume 0 to 63, a positive duration, a gap of zero or more"));
            }

            Jitter.AddProblems(problems);
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
        }
    }
}
