namespace ContactCenter;

/// <summary>A channel connector failed.</summary>
public class ChannelException : ContactCenterException
{
    /// <summary>Creates the exception.</summary>
    public ChannelException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ChannelException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ChannelException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for a named channel.</summary>
    public ChannelException(string channel, string message, Exception? innerException = null)
        : base($"Channel '{channel}': {message}", innerException!)
    {
        Channel = channel;
    }

    /// <summary>The connector's name, when known.</summary>
    public string? Channel { get; }
}

/// <summary>The connection to the channel's server broke or it spoke nonsense (a protocol error).</summary>
public class ChannelProtocolException : ChannelException
{
    /// <summary>Creates the exception.</summary>
    public ChannelProtocolException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ChannelProtocolException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ChannelProtocolException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception for a named channel.</summary>
    public ChannelProtocolException(string channel, string message, Exception? innerException = null)
        : base(channel, message, innerException) { }
}

/// <summary>The channel's server understood the command and refused it with a status (SIP 486, SMTP 550...).</summary>
public class ChannelCommandException : ChannelException
{
    /// <summary>Creates the exception.</summary>
    public ChannelCommandException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ChannelCommandException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ChannelCommandException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with the server's status code.</summary>
    public ChannelCommandException(string channel, int statusCode, string message, Exception? innerException = null)
        : base(channel, $"{statusCode} {message}", innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The protocol's status code (SIP, SMTP, HTTP).</summary>
    public int StatusCode { get; }
}
