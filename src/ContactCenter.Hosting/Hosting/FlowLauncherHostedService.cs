using ContactCenter.Core;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Hosting;

/// <summary>
/// Stops running flows when the host stops. Registered after the contact center's own hosted service, so its
/// <see cref="StoppingAsync"/> runs first (hosts stop services in reverse order): flows are cancelled, with their
/// state saved on the timeline, before connectors and the hub stop. The hub resumes them on the next start.
/// </summary>
internal sealed class FlowLauncherHostedService(IFlowLauncher launcher) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => launcher.StopAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => launcher.StopAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
