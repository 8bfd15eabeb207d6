using ContactCenter.Core;
using ContactCenter.Core.Hub;
using ContactCenter.Core.Routing;
using ContactCenter.Hosting;
using ContactCenter.Hosting.Routing;
using ContactCenter.Storage;
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
    /// <see cref="TimeProvider.System"/>. Configuration is checked when the host starts, and every problem is
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
            // The standard, idempotent registration: a host's own logging configuration (before or after this call) wins.
            services.AddLogging();
            services.TryAddSingleton<IInteractionStore, InMemoryInteractionStore>();
            var routing = new RoutingConfiguration();
            services.AddSingleton(routing);
            services.AddSingleton<ContactCenter.Hosting.Configuration.IContactCenterConfigurationCheck>(routing);
            services.TryAddSingleton<IInteractionRouter>(sp => new EngineRouter(
                sp.GetRequiredService<RoutingConfiguration>().CreateBuilder(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<EngineRouter>>()));
            services.TryAddSingleton(sp => new InteractionHub(
                sp.GetRequiredService<IOptions<ContactCenterOptions>>().Value,
                sp.GetRequiredService<IInteractionStore>(),
                sp.GetRequiredService<IInteractionRouter>(),
                sp.GetServices<Channels.IChannelConnector>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<InteractionHub>>(),
                sp.GetService<IFlowLauncher>()));
            services.TryAddSingleton<IContactCenter>(sp => sp.GetRequiredService<InteractionHub>());
            services.AddHostedService<ContactCenterHostedService>();
        }

        configure?.Invoke(builder);
        return builder;
    }

    /// <summary>
    /// Adds the contact center to a host application builder, binding scalar options from the
    /// <c>ContactCenter</c> configuration section, then lets <paramref name="configure"/> compose it.
    /// </summary>
    public static IContactCenterBuilder AddContactCenter(this IHostApplicationBuilder builder, Action<IContactCenterBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var first = !builder.Services.Any(d => d.ServiceType == typeof(ContactCenterBuilder));
        var cc = builder.Services.AddContactCenter();
        if (first)
        {
            // Bound once: binding again on a second call would add list entries twice.
            builder.Services.AddOptions<ContactCenterOptions>().Bind(builder.Configuration.GetSection(ContactCenterOptions.SectionName));
        }

        configure?.Invoke(cc);
        return cc;
    }
}
