using System.Globalization;

namespace ContactCenter.Sip.Sdp;

/// <summary>
/// RFC 3264 offer/answer for one audio stream with PCMU/PCMA and telephone-event. The answer has one media
/// section per offered one, in the same order; the first acceptable audio section is taken, every other section is
/// rejected with port 0. Payload type numbers follow the offer. Thread-safe.
/// </summary>
public static class SdpNegotiator
{
    /// <summary>Builds an offer of one audio stream with the local codecs.</summary>
    /// <param name="local">The local address, port, codecs and direction.</param>
    public static SdpSessionDescription CreateOffer(SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(local);
        SdpSessionDescription offer = NewDescription(local);
        var audio = new SdpMediaDescription("audio", local.AudioPort, "RTP/AVP");
        foreach (SdpCodec codec in local.Codecs)
        {
            AddFormat(audio, new SdpRtpMap(codec.OfferPayloadType, codec.EncodingName, codec.ClockRate), codec.Fmtp);
        }

        AddPacketTime(audio, local);
        audio.Direction = local.Direction;
        offer.Media.Add(audio);
        return offer;
    }

    /// <summary>Answers an offer (RFC 3264 §6).</summary>
    /// <param name="offer">The peer's offer.</param>
    /// <param name="local">The local address, port, codecs and direction wanted.</param>
    /// <returns>The answer and what was agreed; 488 when no audio stream with a common codec was offered.</returns>
    public static SdpNegotiationResult CreateAnswer(SdpSessionDescription offer, SdpLocalMedia local)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        SdpSessionDescription answer = NewDescription(local);
        SdpNegotiationResult? agreed = null;
        foreach (SdpMediaDescription offered in offer.Media)
        {
            var section = new SdpMediaDescription(offered.Media, 0, offered.Protocol);
            if (agreed is null && IsUsableAudio(offered) && offer.GetConnection(offered) is { } remote
                && TrySelect(offered, local.Codecs, out SdpRtpMap? codec, out SdpRtpMap? dtmf))
            {
                SdpDirection offeredDirection = remote.IsHoldAddress ? SdpDirection.SendOnly : offer.GetDirection(offered);
                SdpDirection direction = AnswerDirection(offeredDirection, local.Direction);
                section.Port = local.AudioPort;
                AddFormat(section, codec, offered.GetFormatParameters(codec.PayloadType));
                if (dtmf is not null)
                {
                    AddFormat(section, dtmf, offered.GetFormatParameters(dtmf.PayloadType) ?? "0-16");
                }

                AddPacketTime(section, local);
                section.Direction = direction;
                agreed = new SdpNegotiationResult(answer, codec, dtmf, remote.Address, offered.Port, direction, offered.Ptime);
            }
            else
            {
                // RFC 3264 §6: a rejected stream keeps its place with port 0 and at least one format.
                section.Formats.AddRange(offered.Formats.Count > 0 ? offered.Formats.Take(1) : ["0"]);
            }

            answer.Media.Add(section);
        }

        return agreed ?? new SdpNegotiationResult("No audio stream with a common codec was offered.");
    }

    /// <summary>Reads the answer to an offer this side made (RFC 3264 §7).</summary>
    /// <param name="offer">The offer this side sent.</param>
    /// <param name="answer">The peer's answer.</param>
    /// <returns>What was agreed; 488 when the answer accepts no audio stream or does not match the offer.</returns>
    public static SdpNegotiationResult ProcessAnswer(SdpSessionDescription offer, SdpSessionDescription answer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(answer);
        if (offer.Media.Count != answer.Media.Count)
        {
            return new SdpNegotiationResult("The answer does not have one media section per offered one.");
        }

        for (int i = 0; i < answer.Media.Count; i++)
        {
            SdpMediaDescription offered = offer.Media[i];
            SdpMediaDescription answered = answer.Media[i];
            if (!IsUsableAudio(answered) || !IsUsableAudio(offered) || answer.GetConnection(answered) is not { } remote)
            {
                continue;
            }

            var offeredCodecs = new List<SdpCodec>();
            foreach (string f in offered.Formats)
            {
                if (int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out int pt) && offered.GetRtpMap(pt) is { } map)
                {
                    offeredCodecs.Add(new SdpCodec(map.EncodingName, map.ClockRate, pt, pt));
                }
            }

            if (!TrySelect(answered, offeredCodecs, out SdpRtpMap? codec, out SdpRtpMap? dtmf))
            {
                continue;
            }

            SdpDirection answeredDirection = remote.IsHoldAddress ? SdpDirection.SendOnly : answer.GetDirection(answered);
            return new SdpNegotiationResult(null, codec, dtmf, remote.Address, answered.Port, Reverse(answeredDirection), answered.Ptime);
        }

        return new SdpNegotiationResult("The answer accepts no audio stream with a common codec.");
    }

    private static SdpSessionDescription NewDescription(SdpLocalMedia local)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(local.AudioPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(local.AudioPort, 65535);
        var origin = new SdpOrigin(local.UserName, local.SessionId, local.SessionVersion, local.Address, local.AddressType);
        return new SdpSessionDescription(origin) { Connection = new SdpConnection(local.Address, local.AddressType) };
    }

    private static bool IsUsableAudio(SdpMediaDescription m) =>
        m.Media == "audio" && !m.IsRejected && m.Protocol is "RTP/AVP" or "RTP/AVPF";

    /// <summary>The first voice format of <paramref name="media"/> (in its order) that is one of <paramref name="codecs"/>, and telephone-event.</summary>
    private static bool TrySelect(SdpMediaDescription media, IReadOnlyList<SdpCodec> codecs,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SdpRtpMap? codec, out SdpRtpMap? dtmf)
    {
        codec = null;
        dtmf = null;
        foreach (string f in media.Formats)
        {
            if (!int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out int pt) || media.GetRtpMap(pt) is not { } map)
            {
                continue;
            }

            SdpCodec? local = codecs.FirstOrDefault(c => c.Matches(map));
            if (local is null)
            {
                continue;
            }

            if (local.IsTelephoneEvent)
            {
                dtmf ??= map;
            }
            else
            {
                codec ??= map;
            }
        }

        return codec is not null;
    }

    /// <summary>
    /// Answers a re-offer that only changes direction (hold, resume) from our previous description when the
    /// application gave no answer: the same sections and codecs, each direction narrowed to what the offer allows
    /// (RFC 3264 section 6.1: sendonly gets recvonly, recvonly sendonly, inactive inactive), the version bumped
    /// (section 8). Null when the sections do not line up (then the previous description is all we have).
    /// </summary>
    internal static SdpSessionDescription? AnswerDirectionChange(SdpSessionDescription previous, SdpSessionDescription offer)
    {
        if (previous.Media.Count != offer.Media.Count)
        {
            return null;
        }

        var text = previous.ToString();
        if (!SdpSessionDescription.TryParse(text, out var answer, out _))
        {
            return null;
        }

        answer.Attributes.RemoveAll(a => a.Value is null && a.Name is "sendrecv" or "sendonly" or "recvonly" or "inactive");
        for (int i = 0; i < offer.Media.Count; i++)
        {
            SdpMediaDescription offered = offer.Media[i];
            SdpMediaDescription section = answer.Media[i];
            if (offered.IsRejected)
            {
                // A section the offer rejects is rejected in the answer (RFC 3264 section 6).
                section.Port = 0;
            }

            if (section.IsRejected)
            {
                continue;
            }

            // c=0.0.0.0 is RFC 2543 hold, i.e. sendonly.
            SdpDirection offeredDirection = offer.GetConnection(offered) is { IsHoldAddress: true } ? SdpDirection.SendOnly : offer.GetDirection(offered);
            section.Direction = AnswerDirection(offeredDirection, SdpDirection.SendRecv);
        }

        answer.Origin = answer.Origin with { SessionVersion = previous.Origin.SessionVersion + 1 };
        return answer;
    }

    private static SdpDirection AnswerDirection(SdpDirection offered, SdpDirection wanted) => offered switch
    {
        // The answer may only narrow what the offer allows (RFC 3264 §6.1).
        SdpDirection.SendOnly => wanted is SdpDirection.SendRecv or SdpDirection.RecvOnly ? SdpDirection.RecvOnly : SdpDirection.Inactive,
        SdpDirection.RecvOnly => wanted is SdpDirection.SendRecv or SdpDirection.SendOnly ? SdpDirection.SendOnly : SdpDirection.Inactive,
        SdpDirection.Inactive => SdpDirection.Inactive,
        _ => wanted,
    };

    private static SdpDirection Reverse(SdpDirection d) => d switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        _ => d,
    };

    private static void AddFormat(SdpMediaDescription media, SdpRtpMap map, string? fmtp)
    {
        string pt = map.PayloadType.ToString(CultureInfo.InvariantCulture);
        media.Formats.Add(pt);
        media.Attributes.Add(new SdpAttribute("rtpmap", map.ToString()));
        if (fmtp is not null)
        {
            media.Attributes.Add(new SdpAttribute("fmtp", pt + " " + fmtp));
        }
    }

    private static void AddPacketTime(SdpMediaDescription media, SdpLocalMedia local)
    {
        if (local.PacketTime is int p)
        {
            media.Attributes.Add(new SdpAttribute("ptime", p.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
