namespace ContactCenter.Routing;

/// <summary>Fixed limits of the routing core.</summary>
public static class RoutingLimits
{
    /// <summary>Highest interaction priority (lowest is 0).</summary>
    public const int MaxPriority = 1000;

    /// <summary>Most agents a ring-all offer rings at once.</summary>
    public const int MaxRingAll = 32;
}
