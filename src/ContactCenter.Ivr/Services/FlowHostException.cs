namespace ContactCenter.Ivr.Services;

/// <summary>Thrown by an <see cref="IFlowHost"/> when it refuses a request; the flow takes the node's failure branch.</summary>
public class FlowHostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FlowHostException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Why the request was refused.</param>
    public FlowHostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">Why the request was refused.</param>
    /// <param name="innerException">The cause.</param>
    public FlowHostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
