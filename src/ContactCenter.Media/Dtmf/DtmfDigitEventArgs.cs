namespace ContactCenter.Media.Dtmf;

/// <summary>A digit was received.</summary>
public sealed class DtmfDigitEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="digit">The digit.</param>
    public DtmfDigitEventArgs(DtmfDigit digit)
    {
        Digit = digit;
    }

    /// <summary>The digit.</summary>
    public DtmfDigit Digit { get; }
}
