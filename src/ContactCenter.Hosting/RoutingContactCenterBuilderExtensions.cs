using ContactCenter.Hosting.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter;

/// <summary>Configures the routing engine that assigns queued interactions to agents.</summary>
public static class RoutingContactCenterBuilderExtensions
{
    /// <summary>
    /// Configures the lock-free routing engine (the default router): its strategy
    /// (<c>r => r.UseLongestIdle()</c>, <c>UseRoundRobin</c>, <c>UseBestSkillScore</c>, ...), offer time-out, missed
    /// offers before an agent is marked away, and so on. Queues and agents come from <c>AddQueue</c>/<c>AddAgent</c>.
    /// May be called several times; configurations apply in order, after the <c>ContactCenter:Routing</c>
    /// configuration section. Problems are reported at start with all others.
    /// </summary>
    /// <param name="builder">The contact center builder.</param>
    /// <param name="configure">Sets the strategy and options.</param>
    /// <returns>The builder.</returns>
    public static IContactCenterBuilder ConfigureRouting(this IContactCenterBuilder builder, Action<ContactCenterRoutingBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var configuration = builder.Services
            .FirstOrDefault(d => d.ServiceType == typeof(RoutingConfiguration))?.ImplementationInstance as RoutingConfiguration
            ?? throw new InvalidOperationException("Call AddContactCenter before ConfigureRouting.");
        configuration.Actions.Add(configure);
        return builder;
    }
}
