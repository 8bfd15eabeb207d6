namespace ContactCenter.Sip.Sdp;

/// <summary>A <c>c=</c> line: network type, address type and connection address (RFC 4566 §5.7).</summary>
/// <param name="Address">The address, e.g. <c>192.0.2.10</c> (a multicast <c>/ttl</c> suffix is kept).</param>
/// <param name="AddressType"><c>IP4</c> or <c>IP6</c>.</param>
/// <param name="NetworkType">Always <c>IN</c> in practice.</param>
public sealed record SdpConnection(string Address, string AddressType = "IP4", string NetworkType = "IN")
{
    /// <summary>True for <c>0.0.0.0</c>, the RFC 2543 way to put a call on hold (RFC 3264 §8.4).</summary>
    public bool IsHoldAddress => Address == "0.0.0.0";

    /// <summary>The line value after <c>c=</c>.</summary>
    public override string ToString() => NetworkType + " " + AddressType + " " + Address;
}
