using ContactCenter.Routing.Strategies;

namespace ContactCenter.Routing;

/// <summary>
/// What every routing builder offers: the default agent-selection strategy (the <c>Use*</c> strategy extensions,
/// such as <c>UseLongestIdle</c>) and the engine-wide options. It holds no queues or agents and no engine handles,
/// so a host that assigns the engine's <see cref="QueueSlot"/>/<see cref="AgentSlot"/> itself can hand a builder of
/// this kind to application code without letting it pick handles that collide with its own.
/// </summary>
public abstract class RoutingBuilderBase
{
    private readonly RoutingOptions _options;

    /// <summary>Creates a builder that writes to <paramref name="options"/>.</summary>
    /// <param name="options">The options being built.</param>
    protected RoutingBuilderBase(RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Strategy for queues that do not set their own (the <c>Use*</c> strategy extensions set it). Default: longest idle.</summary>
    public RoutingStrategyOptions DefaultStrategy
    {
        get => _options.DefaultStrategy;
        set => _options.DefaultStrategy = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>How long an agent has to accept an offer. Default 20 s.</summary>
    public TimeSpan OfferTimeout
    {
        get => _options.OfferTimeout;
        set => _options.OfferTimeout = value;
    }

    /// <summary>Consecutive timed-out offers after which the agent is set <see cref="AgentPresence.Away"/>; 0 never. Default 3.</summary>
    public int MissedOffersBeforeAway
    {
        get => _options.MissedOffersBeforeAway;
        set => _options.MissedOffersBeforeAway = value;
    }

    /// <summary>How long an agent who declined or missed an interaction is not offered it again. Default 5 s.</summary>
    public TimeSpan DeclineCooldown
    {
        get => _options.DeclineCooldown;
        set => _options.DeclineCooldown = value;
    }

    /// <summary>Slots of the lock-free command ring (a power of two, 64 or more). Default 65,536.</summary>
    public int CommandCapacity
    {
        get => _options.CommandCapacity;
        set => _options.CommandCapacity = value;
    }

    /// <summary>Whether the engine schedules its own timer for offer time-outs, escalations and wrap-up ends. Default <see langword="true"/>.</summary>
    public bool AutomaticTimers
    {
        get => _options.AutomaticTimers;
        set => _options.AutomaticTimers = value;
    }
}
