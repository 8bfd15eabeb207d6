namespace ContactCenter;

/// <summary>How an interaction began.</summary>
public enum InitiationKind
{
    /// <summary>The customer contacted us.</summary>
    Inbound,

    /// <summary>We contacted the customer (an agent or a campaign).</summary>
    Outbound,

    /// <summary>Created by transferring another interaction.</summary>
    Transfer,

    /// <summary>A callback the customer asked for.</summary>
    Callback,

    /// <summary>Created by host code through the API (a web form, a task).</summary>
    Api,
}
