namespace ContactCenter.Routing;

/// <summary>
/// Fluent configuration of a stand-alone routing engine: strategy and engine-wide options (from
/// <see cref="RoutingBuilderBase"/>), plus the queues and agents under the handles the caller assigns. A contact center
/// assigns those handles itself and hands application code a narrower builder (<c>ConfigureRouting</c>).
/// </summary>
public sealed class RoutingBuilder : RoutingBuilderBase
{
    /// <summary>Creates a builder with default options.</summary>
    public RoutingBuilder()
        : this(new RoutingOptions())
    {
    }

    private RoutingBuilder(RoutingOptions options)
        : base(options)
    {
        Options = options;
    }

    /// <summary>The options being built.</summary>
    public RoutingOptions Options { get; }

    /// <summary>Adds a queue.</summary>
    /// <param name="id">The queue's id.</param>
    /// <param name="tenant">Its tenant.</param>
    /// <param name="configure">Further configuration.</param>
    /// <returns>This builder.</returns>
    public RoutingBuilder AddQueue(QueueSlot id, TenantSlot tenant, Action<QueueOptions>? configure = null)
    {
        var q = new QueueOptions { Id = id, Tenant = tenant };
        configure?.Invoke(q);
        Options.Queues.Add(q);
        return this;
    }

    /// <summary>Adds an agent.</summary>
    /// <param name="id">The agent's id.</param>
    /// <param name="configure">Tenants, skills, languages, capacity.</param>
    /// <returns>This builder.</returns>
    public RoutingBuilder AddAgent(AgentSlot id, Action<AgentOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var a = new AgentOptions { Id = id };
        configure(a);
        Options.Agents.Add(a);
        return this;
    }

    /// <summary>Changes engine-wide options (offer time-out, misses before away, ring size...).</summary>
    /// <param name="configure">The change.</param>
    /// <returns>This builder.</returns>
    public RoutingBuilder Configure(Action<RoutingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Options);
        return this;
    }

    /// <summary>Validates everything and creates the engine.</summary>
    /// <param name="handler">Receives offers and other outcomes.</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="RoutingConfigurationException">Something is invalid; every problem is listed.</exception>
    public RoutingEngine Build(RoutingHandler handler, TimeProvider? timeProvider = null) =>
        RoutingEngine.Create(Options, handler, timeProvider);
}
