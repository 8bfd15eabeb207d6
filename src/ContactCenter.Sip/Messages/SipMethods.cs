namespace ContactCenter.Sip.Messages;

/// <summary>The SIP request methods the stack knows. Methods are case-sensitive tokens (RFC 3261 §7.1).</summary>
public static class SipMethods
{
#pragma warning disable CS1591 // The names document themselves.
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Refer = "REFER";
    public const string Info = "INFO";
    public const string Notify = "NOTIFY";
    public const string Subscribe = "SUBSCRIBE";
    public const string Message = "MESSAGE";
    public const string Update = "UPDATE";
    public const string Prack = "PRACK";
#pragma warning restore CS1591

    private static readonly string[] s_all = [Invite, Ack, Bye, Cancel, Options, Register, Refer, Info, Notify, Subscribe, Message, Update, Prack];

    /// <summary>Returns the shared instance for a known method (no allocation), or a new string otherwise.</summary>
    internal static string Intern(ReadOnlySpan<byte> method)
    {
        foreach (string m in s_all)
        {
            if (m.Length == method.Length && System.Text.Ascii.Equals(method, m))
            {
                return m;
            }
        }

        return System.Text.Encoding.UTF8.GetString(method);
    }

    internal static string Intern(ReadOnlySpan<char> method)
    {
        foreach (string m in s_all)
        {
            if (method.SequenceEqual(m))
            {
                return m;
            }
        }

        return method.ToString();
    }
}
