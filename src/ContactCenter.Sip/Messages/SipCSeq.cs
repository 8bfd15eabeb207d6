using System.Globalization;
using ContactCenter.Sip.Parsing;

namespace ContactCenter.Sip.Messages;

/// <summary>The CSeq header value: a sequence number and the request method (RFC 3261 §20.16).</summary>
/// <param name="Sequence">The sequence number (below 2**32).</param>
/// <param name="Method">The method of the request the number belongs to.</param>
public readonly record struct SipCSeq(uint Sequence, string Method)
{
    /// <summary>Parses <c>"314159 INVITE"</c>.</summary>
    /// <param name="text">The header value.</param>
    /// <param name="cseq">The value, when the text is one.</param>
    public static bool TryParse(string? text, out SipCSeq cseq)
    {
        if (text is not null && SipGrammar.TryParseCSeq(text.AsSpan(), out long n, out Segment m))
        {
            cseq = new SipCSeq((uint)n, SipMethods.Intern(text.AsSpan(m.Start, m.Length)));
            return true;
        }

        cseq = default;
        return false;
    }

    /// <summary>Writes <c>"314159 INVITE"</c>.</summary>
    public override string ToString() => Sequence.ToString(CultureInfo.InvariantCulture) + " " + Method;
}
