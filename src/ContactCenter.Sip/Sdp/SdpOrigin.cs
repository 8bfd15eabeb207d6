using System.Globalization;

namespace ContactCenter.Sip.Sdp;

/// <summary>The <c>o=</c> line (RFC 4566 §5.2). A re-offer keeps the session id and increments the version.</summary>
/// <param name="UserName">The user name, <c>-</c> when none.</param>
/// <param name="SessionId">The session id (numeric).</param>
/// <param name="SessionVersion">The version, incremented on every change of the description.</param>
/// <param name="Address">The originator's address.</param>
/// <param name="AddressType"><c>IP4</c> or <c>IP6</c>.</param>
/// <param name="NetworkType">Always <c>IN</c> in practice.</param>
public sealed record SdpOrigin(string UserName, ulong SessionId, ulong SessionVersion, string Address, string AddressType = "IP4", string NetworkType = "IN")
{
    /// <summary>The line value after <c>o=</c>.</summary>
    public override string ToString() =>
        string.Join(' ', UserName, SessionId.ToString(CultureInfo.InvariantCulture), SessionVersion.ToString(CultureInfo.InvariantCulture), NetworkType, AddressType, Address);
}
