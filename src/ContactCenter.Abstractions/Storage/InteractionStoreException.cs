namespace ContactCenter.Storage;

/// <summary>The store could not read or write; a failed commit wrote nothing.</summary>
public class InteractionStoreException : ContactCenterException
{
    /// <summary>Creates the exception.</summary>
    public InteractionStoreException() { }

    /// <summary>Creates the exception with a message.</summary>
    public InteractionStoreException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public InteractionStoreException(string message, Exception innerException) : base(message, innerException) { }
}
