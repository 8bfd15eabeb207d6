namespace ContactCenter;

/// <summary>The base of every exception ContactCenter.Sdk throws on purpose.</summary>
public class ContactCenterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContactCenterException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ContactCenterException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ContactCenterException(string message, Exception innerException) : base(message, innerException) { }
}
