using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Hosting;

/// <summary>The one builder instance per service collection.</summary>
internal sealed class ContactCenterBuilder(IServiceCollection services) : IContactCenterBuilder
{
    public IServiceCollection Services { get; } = services;

    /// <summary>The host's <c>ContactCenter</c> section when the contact center was added to a host application builder.</summary>
    public IConfigurationSection? Configuration { get; set; }
}
