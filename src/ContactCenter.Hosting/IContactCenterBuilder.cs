using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter;

/// <summary>
/// Composes a contact center: queues, agents, tenants, wrap-up codes, storage, channels, flows and routing.
/// Every extension of the SDK's packages extends this interface and lives in namespace <c>ContactCenter</c>, so one
/// <c>using</c> finds them all. One verb per concept: <c>Add*</c> registers something (<c>AddQueue</c>,
/// <c>AddChannel</c>, <c>AddFlow</c>, <c>AddChannelQueue</c>), <c>Use*</c> replaces a default (<c>UseSqliteStorage</c>,
/// <c>UseRouter</c>, <c>UseTimeProvider</c>, <c>UseDefaultFlow</c>), <c>Configure*</c> adjusts options
/// (<c>Configure</c>, <c>ConfigureRouting</c>, <c>ConfigureFlows</c>).
/// </summary>
public interface IContactCenterBuilder
{
    /// <summary>The service collection the contact center is registered in.</summary>
    IServiceCollection Services { get; }
}
