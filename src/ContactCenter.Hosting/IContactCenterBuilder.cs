using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter;

/// <summary>
/// Composes a contact center: queues, agents, tenants, wrap-up codes, storage, channels, flows and routing.
/// Every <c>Add*</c>/<c>Use*</c> extension of the SDK's packages extends this interface and lives in namespace
/// <c>ContactCenter</c>, so one <c>using</c> finds them all.
/// </summary>
public interface IContactCenterBuilder
{
    /// <summary>The service collection the contact center is registered in.</summary>
    IServiceCollection Services { get; }
}
