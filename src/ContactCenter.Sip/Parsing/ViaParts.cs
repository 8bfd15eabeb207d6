namespace ContactCenter.Sip.Parsing;

/// <summary>Where the components of one via-parm lie in a Via header value.</summary>
internal struct ViaParts
{
    public Segment ProtocolName;
    public Segment ProtocolVersion;
    public Segment Transport;
    public Segment Host;
    public int Port;
    public Segment Parameters;
}
