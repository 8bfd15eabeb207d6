namespace ContactCenter.Routing;

/// <summary>How many interactions of each medium an agent may hold at once (offered, connected or in wrap-up).</summary>
public sealed class AgentCapacity
{
    /// <summary>Calls at once. Default 1.</summary>
    public int Voice { get; set; } = 1;

    /// <summary>Chats at once. Default 0 (takes no chats).</summary>
    public int Chat { get; set; }

    /// <summary>Emails at once. Default 0.</summary>
    public int Email { get; set; }

    /// <summary>Tasks at once. Default 0.</summary>
    public int Task { get; set; }

    /// <summary>The capacity for one medium.</summary>
    /// <param name="media">The medium.</param>
    /// <returns>The number of interactions of that medium the agent may hold.</returns>
    public int For(RoutingMedia media) => media switch
    {
        RoutingMedia.Voice => Voice,
        RoutingMedia.Chat => Chat,
        RoutingMedia.Email => Email,
        _ => Task,
    };
}
