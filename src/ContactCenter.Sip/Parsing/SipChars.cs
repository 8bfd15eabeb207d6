namespace ContactCenter.Sip.Parsing;

/// <summary>Character classes of the RFC 3261 §25.1 grammar, as one lookup table over ASCII.</summary>
internal static class SipChars
{
    public const ushort Alnum = 1;
    public const ushort Token = 2;
    public const ushort Unreserved = 4;
    public const ushort UserUnreserved = 8;
    public const ushort PasswordExtra = 16;
    public const ushort ParamUnreserved = 32;
    public const ushort HnvUnreserved = 64;
    public const ushort Word = 128;
    public const ushort HostChar = 256;
    public const ushort Hex = 512;
    public const ushort SchemeChar = 1024;

    private static readonly ushort[] s_table = Build();

    private static ushort[] Build()
    {
        var t = new ushort[128];
        for (int c = 0; c < 128; c++)
        {
            bool alpha = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';
            bool digit = c is >= '0' and <= '9';
            if (alpha || digit)
            {
                t[c] |= Alnum | Token | Unreserved | Word | HostChar | SchemeChar;
            }

            if (digit || c is >= 'a' and <= 'f' or >= 'A' and <= 'F')
            {
                t[c] |= Hex;
            }
        }

        Mark(t, "-.!%*_+`'~", Token | Word);
        Mark(t, "-_.!~*'()", Unreserved);
        Mark(t, "()<>:\\\"/[]?{}", Word);
        Mark(t, "&=+$,;?/", UserUnreserved);
        Mark(t, "&=+$,", PasswordExtra);
        Mark(t, "[]/:&+$", ParamUnreserved);
        Mark(t, "[]/?:+$", HnvUnreserved);
        Mark(t, "-.", HostChar);
        Mark(t, "+-.", SchemeChar);
        return t;
    }

    private static void Mark(ushort[] t, string chars, ushort flag)
    {
        foreach (char c in chars)
        {
            t[c] |= flag;
        }
    }

    /// <summary>True when <paramref name="c"/> is ASCII and in any of the classes in <paramref name="flags"/>.</summary>
    public static bool Is(int c, ushort flags) => (uint)c < 128 && (s_table[c] & flags) != 0;

    public static bool IsWhitespace(int c) => c is ' ' or '\t' or '\r' or '\n';

    public static bool IsDigit(int c) => (uint)(c - '0') <= 9;

    public static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
