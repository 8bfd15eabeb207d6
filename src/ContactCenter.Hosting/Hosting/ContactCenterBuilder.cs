using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Hosting;

/// <summary>The one builder instance per service collection.</summary>
internal sealed class ContactCenterBuilder(IServiceCollection services) : IContactCenterBuilder
{
    public IServiceCollection Services { get; } = services;
}
