namespace ContactCenter.Media.Codecs;

/// <summary>The narrowband audio codecs the media plane speaks; the value is the static RTP payload type (RFC 3551 §6).</summary>
public enum AudioCodec
{
    /// <summary>G.711 µ-law (PCMU), payload type 0.</summary>
    Pcmu = 0,

    /// <summary>G.711 A-law (PCMA), payload type 8.</summary>
    Pcma = 8,
}
