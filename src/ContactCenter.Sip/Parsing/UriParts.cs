namespace ContactCenter.Sip.Parsing;

/// <summary>Where the components of a URI lie in its text, as found by <see cref="SipGrammar.TryParseUri{T}"/>.</summary>
internal struct UriParts
{
    public bool IsSip;
    public bool IsSecure;
    public Segment Scheme;
    public Segment User;
    public Segment Password;
    public Segment Host;
    public int Port;
    public Segment Parameters;
    public Segment Headers;
}
