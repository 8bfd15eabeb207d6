using ContactCenter.Channels;
using ContactCenter.Core.Routing;
using ContactCenter.Hosting;
using ContactCenter.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter;

/// <summary>The core composition methods of <see cref="IContactCenterBuilder"/>.</summary>
public static class ContactCenterBuilderExtensions
{
    /// <summary>Changes options directly.</summary>
    public static IContactCenterBuilder Configure(this IContactCenterBuilder builder, Action<ContactCenterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds a queue. <paramref name="configure"/> refines it: <c>q => q with { RequiredSkills = ... }</c>.</summary>
    public static IContactCenterBuilder AddQueue(this IContactCenterBuilder builder, string id, Func<QueueDefinition, QueueDefinition>? configure = null)
    {
        var queue = new QueueDefinition { Id = new QueueId(id) };
        return builder.AddQueue(configure is null ? queue : configure(queue));
    }

    /// <summary>Adds a queue.</summary>
    public static IContactCenterBuilder AddQueue(this IContactCenterBuilder builder, QueueDefinition queue)
        => builder.Configure(o => o.Queues.Add(queue));

    /// <summary>Adds an agent. <paramref name="configure"/> refines it: <c>a => a with { Languages = ... }</c>.</summary>
    public static IContactCenterBuilder AddAgent(this IContactCenterBuilder builder, string id, Func<AgentDefinition, AgentDefinition>? configure = null)
    {
        var agent = new AgentDefinition { Id = new AgentId(id) };
        return builder.AddAgent(configure is null ? agent : configure(agent));
    }

    /// <summary>Adds an agent.</summary>
    public static IContactCenterBuilder AddAgent(this IContactCenterBuilder builder, AgentDefinition agent)
        => builder.Configure(o => o.Agents.Add(agent));

    /// <summary>Adds an agent with skills at the given levels.</summary>
    public static IContactCenterBuilder AddAgent(this IContactCenterBuilder builder, string id, params (string Skill, int Level)[] skills)
        => builder.AddAgent(id, a => a with { Skills = a.Skills.SetItems(skills.Select(s => KeyValuePair.Create(s.Skill, s.Level))) });

    /// <summary>Adds a tenant (client project).</summary>
    public static IContactCenterBuilder AddTenant(this IContactCenterBuilder builder, string id, string? displayName = null)
        => builder.Configure(o => o.Tenants.Add(new TenantDefinition(new TenantId(id), displayName)));

    /// <summary>Adds a wrap-up code agents may choose.</summary>
    public static IContactCenterBuilder AddWrapUpCode(this IContactCenterBuilder builder, string code, string? displayName = null, bool resolved = false)
        => builder.Configure(o => o.WrapUpCodes.Add(new WrapUpCode(code, displayName, resolved)));

    /// <summary>Sends new interactions of <paramref name="channel"/> that no flow takes to <paramref name="queue"/>
    /// (<see cref="ContactCenterOptions.ChannelQueues"/>); the channel's flow, if any, is added with
    /// <c>AddChannelFlow</c> in the same (channel, destination) order.</summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="channel">The channel connector's name.</param>
    /// <param name="queue">The queue's id.</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder AddChannelQueue(this IContactCenterBuilder builder, string channel, string queue)
        => builder.Configure(o => o.ChannelQueues[channel] = new QueueId(queue));

    /// <summary>Adds a channel connector instance.</summary>
    public static IContactCenterBuilder AddChannel(this IContactCenterBuilder builder, IChannelConnector connector)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(connector);
        return builder;
    }

    /// <summary>Adds a channel connector created from the container.</summary>
    public static IContactCenterBuilder AddChannel<TConnector>(this IContactCenterBuilder builder)
        where TConnector : class, IChannelConnector
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IChannelConnector, TConnector>();
        return builder;
    }

    /// <summary>Keeps history in memory only (tests, demos). This is the default when no storage is configured.</summary>
    public static IContactCenterBuilder UseInMemoryStorage(this IContactCenterBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IInteractionStore, InMemoryInteractionStore>());
        return builder;
    }

    /// <summary>
    /// Uses <paramref name="timeProvider"/> for the contact center's timers and timestamps (a fake clock in tests).
    /// Only the contact center's clock is replaced: the application's <see cref="TimeProvider"/> registration, which
    /// the contact center uses by default, stays as it is for every other component.
    /// </summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder UseTimeProvider(this IContactCenterBuilder builder, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(timeProvider);
        builder.Services.RemoveAllKeyed<TimeProvider>(ContactCenterClock.ServiceKey);
        builder.Services.AddKeyedSingleton(ContactCenterClock.ServiceKey, timeProvider);
        return builder;
    }

    /// <summary>Uses a custom router instead of the default.</summary>
    public static IContactCenterBuilder UseRouter(this IContactCenterBuilder builder, Func<IServiceProvider, IInteractionRouter> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton(factory));
        return builder;
    }
}
