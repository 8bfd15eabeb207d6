namespace ContactCenter.Sip.Parsing;

/// <summary>Shared instances of the short strings every message repeats, so reading them allocates nothing.</summary>
internal static class CommonStrings
{
    private static readonly string[] s_table =
    [
        "SIP", "2.0", "UDP", "TCP", "TLS", "WS", "WSS", "SCTP",
        "branch", "tag", "rport", "received", "lr", "transport", "maddr", "ttl", "expires", "q", "user", "method",
        "udp", "tcp", "tls", "phone", "sip", "sips",
    ];

    /// <summary>The shared instance equal (ordinal) to <paramref name="text"/>, or a new string.</summary>
    public static string Get(ReadOnlySpan<char> text)
    {
        if (text.Length <= 9)
        {
            foreach (string s in s_table)
            {
                if (text.SequenceEqual(s))
                {
                    return s;
                }
            }
        }

        return text.ToString();
    }
}
