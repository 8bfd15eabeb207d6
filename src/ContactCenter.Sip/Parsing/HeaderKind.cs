namespace ContactCenter.Sip.Parsing;

/// <summary>Which grammar the parser checks a known header's value against.</summary>
internal enum HeaderKind : byte
{
    /// <summary>Not checked beyond the header line itself.</summary>
    Other,
    Via,
    NameAddr,
    Contact,
    Route,
    CallId,
    CSeq,
    MaxForwards,
    ContentLength,
    ContentType,
    Date,
    DeltaSeconds,
}
