namespace ContactCenter.Sip.Parsing;

/// <summary>Where a name-addr or addr-spec and its header parameters lie in a header value.</summary>
internal struct NameAddrParts
{
    /// <summary>The display name as written: quotes included when quoted; absent when there is none.</summary>
    public Segment DisplayName;
    public bool DisplayNameQuoted;
    public Segment Uri;
    public UriParts UriParts;
    public Segment Parameters;
}
