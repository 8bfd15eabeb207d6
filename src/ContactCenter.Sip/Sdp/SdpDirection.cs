namespace ContactCenter.Sip.Sdp;

/// <summary>The direction attribute of a media stream (RFC 4566 §6, RFC 3264 §5.1).</summary>
public enum SdpDirection
{
    /// <summary><c>a=sendrecv</c>, the default when no direction attribute is present.</summary>
    SendRecv,

    /// <summary><c>a=sendonly</c>: the describing side only sends (e.g. it holds the call).</summary>
    SendOnly,

    /// <summary><c>a=recvonly</c>: the describing side only receives.</summary>
    RecvOnly,

    /// <summary><c>a=inactive</c>: no media either way.</summary>
    Inactive,
}
