namespace ContactCenter.Sip.Sdp;

/// <summary>One <c>a=</c> line: <c>a=name</c> (property) or <c>a=name:value</c>.</summary>
/// <param name="Name">The attribute name, e.g. <c>rtpmap</c>.</param>
/// <param name="Value">The value after the colon; <see langword="null"/> for a property attribute such as <c>sendrecv</c>.</param>
public readonly record struct SdpAttribute(string Name, string? Value = null)
{
    /// <summary>The line value after <c>a=</c>.</summary>
    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
