namespace ContactCenter.Ivr.Engine;

internal enum NodeResultKind
{
    Continue,
    Finish,
    Call,
}
