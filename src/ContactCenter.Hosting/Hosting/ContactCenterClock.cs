using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Hosting;

/// <summary>
/// The contact center's own clock: a keyed <see cref="TimeProvider"/> registration that falls back to the
/// application's. <c>UseTimeProvider</c> replaces only this one, so a fake clock for the contact center does not
/// become every other component's clock too.
/// </summary>
internal static class ContactCenterClock
{
    public const string ServiceKey = "ContactCenter.Clock";

    public static TimeProvider Get(IServiceProvider services) => services.GetRequiredKeyedService<TimeProvider>(ServiceKey);
}
