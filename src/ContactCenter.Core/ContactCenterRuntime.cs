using ContactCenter.Channels;
using ContactCenter.Core.Flows;
using ContactCenter.Core.Hub;
using ContactCenter.Core.Routing;
using ContactCenter.Ivr.Sessions;
using ContactCenter.Ivr;
using ContactCenter.Ivr.Services;
using ContactCenter.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core;

/// <summary>
/// Composes a running contact center from its parts — the public entry a host integration (ContactCenter.Hosting, or
/// a host without dependency injection) uses, so that it needs nothing internal to Core. It hands each audience its own
/// view: <see cref="ContactCenter"/> to host code, <see cref="SinkFor"/> to each connector, <see cref="Flows"/> to a
/// flow launcher. Start it after the store is reachable and before the connectors; stop it after them.
/// </summary>
public sealed class ContactCenterRuntime : IAsyncDisposable
{
    private readonly InteractionHub _hub;

    /// <summary>Creates the runtime (nothing runs until <see cref="StartAsync"/>).</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="store">Where interactions and customers are kept.</param>
    /// <param name="router">Who routes queued interactions to agents (<see cref="CreateRouter"/> for the default).</param>
    /// <param name="connectors">The channel connectors, by unique name.</param>
    /// <param name="time">The contact center's clock.</param>
    /// <param name="loggerFactory">Where the runtime logs.</param>
    /// <param name="flows">The flow launcher, or <see langword="null"/> to queue new interactions directly.</param>
    public ContactCenterRuntime(
        ContactCenterOptions options,
        IInteractionStore store,
        IInteractionRouter router,
        IEnumerable<IChannelConnector> connectors,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IFlowLauncher? flows = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _hub = new InteractionHub(options, store, router, connectors, time, loggerFactory.CreateLogger<InteractionHub>(), flows);
    }

    /// <summary>The contact center as host code and supervisors use it.</summary>
    public IContactCenter ContactCenter => _hub;

    /// <summary>The contact center as a flow launcher drives it.</summary>
    public IFlowContactCenter Flows => _hub;

    /// <summary>Where inbound traffic is handed when no particular connector received it (tests, bridges).</summary>
    public IInboundSink Inbound => _hub;

    /// <summary>
    /// The sink handed to one connector: a message must carry the connector's own name and media, so that a
    /// connector cannot open interactions that belong to (and would be answered through) another channel.
    /// </summary>
    public IInboundSink SinkFor(IChannelConnector connector) => _hub.SinkFor(connector);

    /// <summary>Opens the store, recovers active interactions (re-queues waiting ones, resumes flows) and starts the loop.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => _hub.StartAsync(cancellationToken);

    /// <summary>Stops taking commands, finishes those queued and waits for deliveries in flight.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _hub.StopAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    /// <summary>The default router: the lock-free routing engine configured by <paramref name="routing"/>.</summary>
    public static IInteractionRouter CreateRouter(ContactCenter.Routing.RoutingBuilder routing, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(routing);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return new EngineRouter(routing, time, loggerFactory.CreateLogger<EngineRouter>());
    }

    /// <summary>
    /// The IVR flow launcher: runs the flows of <paramref name="catalog"/> on their own tasks, never on the loop.
    /// <paramref name="contactCenter"/> is called on first use, because the runtime is itself built with the launcher.
    /// </summary>
    public static IFlowLauncher CreateFlowLauncher(
        FlowCatalog catalog,
        Func<IFlowContactCenter> contactCenter,
        ContactCenterOptions options,
        IEnumerable<IChannelConnector> connectors,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IIntentRecognizer? recognizer = null,
        ITextToSpeech? textToSpeech = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        return new FlowLauncher(catalog, contactCenter, options, connectors, time, loggerFactory.CreateLogger<FlowLauncher>(), recognizer, textToSpeech);
    }
}
