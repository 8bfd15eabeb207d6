using ContactCenter.Channels;
using ContactCenter.Core;
using ContactCenter.Core.Flows;
using ContactCenter.Core.Routing;
using ContactCenter.Hosting;
using ContactCenter.Hosting.Configuration;
using ContactCenter.Ivr;
using ContactCenter.Ivr.Services;
using ContactCenter.Ivr.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter;

/// <summary>
/// Puts IVR and bot flows (ContactCenter.Ivr) in front of the queues: new inbound interactions run the flow bound to
/// their entry point or channel (or the default flow) before they reach an agent. The first call of any of these
/// methods registers one <see cref="FlowCatalog"/> and the flow launcher; later calls add to the same catalog.
/// Every flow is validated when the host starts, and its problems are reported with every other configuration
/// problem in one <see cref="ContactCenterConfigurationException"/>. An <see cref="IIntentRecognizer"/> or
/// <see cref="ITextToSpeech"/> registered in the container is used by the runner.
/// </summary>
public static class FlowContactCenterBuilderExtensions
{
    /// <summary>Adds a flow defined in code: <c>cc.AddFlow("main", f => f.Say("hi", "Hello").Menu(...))</c>.</summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="name">The flow name, unique in the contact center.</param>
    /// <param name="configure">Adds the nodes; run when the host starts.</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder AddFlow(this IContactCenterBuilder builder, string name, Action<FlowBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Catalog(builder).Add(name, configure);
        return builder;
    }

    /// <summary>Adds the flow(s) of a JSON file (format: docs/ivr.md), read when the host starts; an unreadable
    /// file is reported with every other configuration problem. Bindings declared in the file (<c>channels</c>,
    /// <c>entryPoints</c>, <c>default</c>) apply. A relative <paramref name="path"/> is resolved against the host's
    /// content root (<see cref="IHostEnvironment.ContentRootPath"/>), as the configuration's <c>Flows:Files</c> are,
    /// or against the current directory when the container has no host environment.</summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="path">The file.</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder AddFlowJsonFile(this IContactCenterBuilder builder, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Registration(builder).AddFile(path);
        return builder;
    }

    /// <summary>Adds the flow(s) of a JSON text (format: docs/ivr.md).</summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="json">The JSON.</param>
    /// <param name="sourceName">A name for error messages. Default: <c>json</c>.</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder AddFlowJson(this IContactCenterBuilder builder, string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        Catalog(builder).AddJson(json, sourceName);
        return builder;
    }

    /// <summary>Runs <paramref name="flow"/> for new inbound interactions of <paramref name="channel"/> (a channel
    /// connector's name, case-insensitive). Forwards to <see cref="FlowCatalog.BindChannel"/>.</summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="channel">The channel name.</param>
    /// <param name="flow">The flow name.</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder AddChannelFlow(this IContactCenterBuilder builder, string channel, string flow)
    {
        Catalog(builder).BindChannel(channel, flow);
        return builder;
    }

    /// <summary>Runs <paramref name="flow"/> for new inbound interactions whose <c>entryPoint</c> attribute (set by
    /// the connector: a dialled number, a bot name) matches; entry-point bindings win over channel bindings. Forwards
    /// to <see cref="FlowCatalog.BindEntryPoint"/>.</summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="entryPoint">The entry point (case-insensitive).</param>
    /// <param name="flow">The flow name.</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder AddEntryPointFlow(this IContactCenterBuilder builder, string entryPoint, string flow)
    {
        Catalog(builder).BindEntryPoint(entryPoint, flow);
        return builder;
    }

    /// <summary>Runs <paramref name="flow"/> for new inbound interactions no binding matches, instead of the
    /// default choice: the only flow when exactly one is registered, else none (those interactions go straight to
    /// their queue).</summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="flow">The flow name.</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder UseDefaultFlow(this IContactCenterBuilder builder, string flow)
    {
        Catalog(builder).SetDefaultFlow(flow);
        return builder;
    }

    /// <summary>Registers the handler behind Lookup nodes named <paramref name="name"/> (a CRM, an order system).
    /// Forwards to <see cref="FlowCatalog.AddLookup"/>.</summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="name">The lookup name.</param>
    /// <param name="handler">The handler; should honour its token (cancelled at the node's time-out).</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder AddFlowLookup(this IContactCenterBuilder builder, string name, LookupHandler handler)
    {
        Catalog(builder).AddLookup(name, handler);
        return builder;
    }

    /// <summary>Gives direct access to the flow catalog, for anything the methods above do not cover.</summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="configure">Changes the catalog (before the host starts).</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder ConfigureFlows(this IContactCenterBuilder builder, Action<FlowCatalog> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Catalog(builder));
        return builder;
    }

    private static FlowCatalog Catalog(IContactCenterBuilder builder) => Registration(builder).Catalog;

    /// <summary>The one catalog of this contact center; the first call registers it, the launcher and their checks.</summary>
    private static FlowRegistration Registration(IContactCenterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.FirstOrDefault(d => d.ServiceType == typeof(FlowRegistration))?.ImplementationInstance is FlowRegistration existing)
        {
            return existing;
        }

        var registration = new FlowRegistration();
        services.AddSingleton(registration);
        // Whoever takes the catalog from the container (the launcher, the start-up check) gets it with the flow
        // files added, their relative paths resolved against the content root known only then.
        services.AddSingleton(sp => registration.Resolve(sp.GetService<IHostEnvironment>()?.ContentRootPath));
        services.TryAddSingleton(sp => ContactCenterRuntime.CreateFlowLauncher(
            sp.GetRequiredService<FlowCatalog>(),
            sp.GetRequiredService<IFlowContactCenter>,
            sp.GetRequiredService<IOptions<ContactCenterOptions>>().Value,
            sp.GetServices<IChannelConnector>(),
            ContactCenterClock.Get(sp),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<IIntentRecognizer>(),
            sp.GetService<ITextToSpeech>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContactCenterConfigurationCheck, FlowConfigurationCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, FlowLauncherHostedService>());
        return registration;
    }
}
