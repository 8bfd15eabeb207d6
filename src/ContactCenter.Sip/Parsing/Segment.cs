namespace ContactCenter.Sip.Parsing;

/// <summary>A range of a parsed text: start and length; <see cref="Length"/> -1 means absent.</summary>
internal readonly record struct Segment(int Start, int Length)
{
    public static readonly Segment None = new(0, -1);

    public bool IsPresent => Length >= 0;

    public int End => Start + Length;

    public string? Of(string text) => Length < 0 ? null : text.Substring(Start, Length);
}
