using ContactCenter.Sip.Messages;

namespace ContactCenter.Sip.Registrar;

/// <summary>One binding of a registered user to a contact (RFC 3261 section 10): where to send that user's calls.</summary>
/// <param name="User">The authenticated user name (the address-of-record's user part).</param>
/// <param name="Contact">Where the softphone receives requests.</param>
/// <param name="Expires">When the binding lapses unless refreshed.</param>
/// <param name="CallId">The Call-ID of the REGISTER that made it (refreshes reuse it).</param>
/// <param name="Sequence">That REGISTER's CSeq number.</param>
/// <param name="Source">The address and port the REGISTER came from (the NAT mapping, where a phone behind NAT is reachable).</param>
public sealed record SipRegistration(string User, SipUri Contact, DateTimeOffset Expires, string CallId, uint Sequence, System.Net.IPEndPoint Source);
