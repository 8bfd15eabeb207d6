using ContactCenter.Core;
using ContactCenter.Core.Routing;
using ContactCenter.Hosting;
using ContactCenter.Hosting.Configuration;
using ContactCenter.Hosting.Routing;
using ContactCenter.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter;

/// <summary>Registers a contact center in a host.</summary>
public static class ContactCenterServiceCollectionExtensions
{
    /// <summary>
    /// Adds the contact center runtime and lets <paramref name="configure"/> compose it. Safe to call more than
    /// once: later calls add to the same contact center. Defaults: in-memory store, the routing engine with longest-idle agent selection,
    /// the application's <see cref="TimeProvider"/> (<see cref="TimeProvider.System"/> when it registers none). Configuration is checked when the host starts, and every problem is
    /// reported in one <see cref="ContactCenterConfigurationException"/>.
    /// </summary>
    public static IContactCenterBuilder AddContactCenter(this IServiceCollection services, Action<IContactCenterBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(ContactCenterBuilder))?.ImplementationInstance as ContactCenterBuilder;
        var builder = existing ?? new ContactCenterBuilder(services);
        if (existing is null)
        {
            services.AddSingleton(builder);
            services.AddOptions<ContactCenterOptions>();
            services.TryAddSingleton(TimeProvider.System);
            // The contact center's clock is the application's unless UseTimeProvider sets its own.
            services.AddKeyedSingleton(ContactCenterClock.ServiceKey, (sp, _) => sp.GetRequiredService<TimeProvider>());
            // The standard, idempotent registration: a host's own logging configuration (before or after this call) wins.
            services.AddLogging();
            services.TryAddSingleton<IInteractionStore, InMemoryInteractionStore>();
            var routing = new RoutingConfiguration();
            services.AddSingleton(routing);
            services.AddSingleton<IContactCenterConfigurationCheck>(routing);
            services.TryAddSingleton(sp => ContactCenterRuntime.CreateRouter(
                sp.GetRequiredService<RoutingConfiguration>().CreateBuilder(),
                ContactCenterClock.Get(sp),
                sp.GetRequiredService<ILoggerFactory>()));
            services.TryAddSingleton(sp => new ContactCenterRuntime(
                sp.GetRequiredService<IOptions<ContactCenterOptions>>().Value,
                sp.GetRequiredService<IInteractionStore>(),
                sp.GetRequiredService<IInteractionRouter>(),
                sp.GetServices<Channels.IChannelConnector>(),
                ContactCenterClock.Get(sp),
                sp.GetRequiredService<ILoggerFactory>(),
                sp.GetService<IFlowLauncher>()));
            // One runtime, one view per audience: host code, flows, connectors (each connector gets its own sink at start).
            services.TryAddSingleton(sp => sp.GetRequiredService<ContactCenterRuntime>().ContactCenter);
            services.TryAddSingleton(sp => sp.GetRequiredService<ContactCenterRuntime>().Flows);
            services.TryAddSingleton(sp => sp.GetRequiredService<ContactCenterRuntime>().Inbound);
            services.AddHostedService<ContactCenterHostedService>();
        }

        configure?.Invoke(builder);
        return builder;
    }

    /// <summary>
    /// Adds the contact center to a host application builder, reading the <c>ContactCenter</c> configuration section
    /// (queues, agents, tenants, wrap-up codes, channel routes, routing, flow files and bindings and the scalar options;
    /// schema: docs/configuration.md), then lets <paramref name="configure"/> compose it. The section is read once, on the
    /// first call; what <paramref name="configure"/> sets in code is applied after it. Values that cannot be read are
    /// reported at start with every other problem. Storage packages read their own subsection (for example
    /// <c>ContactCenter:Storage:Sqlite</c> by <c>UseSqliteStorage</c>).
    /// </summary>
    public static IContactCenterBuilder AddContactCenter(this IHostApplicationBuilder builder, Action<IContactCenterBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var first = !builder.Services.Any(d => d.ServiceType == typeof(ContactCenterBuilder));
        var cc = builder.Services.AddContactCenter();
        if (first)
        {
            // Read once: reading again on a second call would add list entries twice.
            var section = builder.Configuration.GetSection(ContactCenterOptions.SectionName);
            ((ContactCenterBuilder)cc).Configuration = section;
            var reader = ContactCenterConfigurationReader.Read(section, builder.Environment.ContentRootPath);
            builder.Services.AddSingleton<IContactCenterConfigurationCheck>(reader);
            builder.Services.AddOptions<ContactCenterOptions>().Configure(reader.Options);
            if (reader.Routing is { } routing)
            {
                // First, so that ConfigureRouting in code refines what configuration set.
                var configuration = (RoutingConfiguration)builder.Services.Single(d => d.ServiceType == typeof(RoutingConfiguration)).ImplementationInstance!;
                configuration.Actions.Insert(0, routing);
            }

            reader.FlowFiles.ForEach(f => cc.AddFlowJsonFile(f));
            reader.FlowChannels.ForEach(b => cc.AddChannelFlow(b.Channel, b.Flow));
            reader.FlowEntryPoints.ForEach(b => cc.AddEntryPointFlow(b.EntryPoint, b.Flow));
            if (reader.DefaultFlow is { } flow)
            {
                cc.UseDefaultFlow(flow);
            }
        }

        configure?.Invoke(cc);
        return cc;
    }

    /// <summary>
    /// The host's <c>ContactCenter</c> configuration section when the contact center was added with
    /// <see cref="AddContactCenter(IHostApplicationBuilder, Action{IContactCenterBuilder}?)"/>, else
    /// <see langword="null"/>. Packages read their own subsection from it (for example <c>Storage:Sqlite</c>).
    /// </summary>
    /// <param name="builder">The contact center builder.</param>
    /// <returns>The section, or <see langword="null"/>.</returns>
    public static IConfigurationSection? GetConfiguration(this IContactCenterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return (builder as ContactCenterBuilder)?.Configuration;
    }
}
