namespace ContactCenter;

/// <summary>Which way a message travelled.</summary>
public enum MessageDirection
{
    /// <summary>From the customer to the contact center.</summary>
    Inbound,

    /// <summary>From an agent, a flow or the system to the customer.</summary>
    Outbound,
}
