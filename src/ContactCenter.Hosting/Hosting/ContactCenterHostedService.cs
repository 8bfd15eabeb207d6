using ContactCenter.Channels;
using ContactCenter.Core;
using ContactCenter.Hosting.Configuration;
using ContactCenter.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Hosting;

/// <summary>
/// Starts the contact center with the host: checks every configuration section (all problems reported
/// together), opens the store, recovers interactions, starts the hub, then starts each connector from its
/// stored checkpoint. Stops in the reverse order.
/// </summary>
internal sealed partial class ContactCenterHostedService(
    IServiceProvider services,
    IOptions<ContactCenterOptions> options,
    IEnumerable<IContactCenterConfigurationCheck> checks,
    ILogger<ContactCenterHostedService> logger) : IHostedLifecycleService
{
    private readonly List<IChannelConnector> _started = [];

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        problems.AddRange(options.Value.Validate());
        foreach (var check in checks)
        {
            problems.AddRange(check.Validate());
        }

        var connectors = services.GetServices<IChannelConnector>().ToList();
        foreach (var group in connectors.GroupBy(c => c.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"ContactCenter:Channels: the channel name '{group.Key}' is registered {group.Count()} times; names must be unique.");
        }

        // The hub matches a new interaction's channel (its connector's name) to ChannelQueues exactly, so a typo
        // would silently send that channel's work to the default queue.
        var names = connectors.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var channel in options.Value.ChannelQueues.Keys.Where(c => !names.Contains(c)).Order(StringComparer.Ordinal))
        {
            problems.Add(ConfigurationProblem.Format(ContactCenterOptions.SectionName + ":" + nameof(ContactCenterOptions.ChannelQueues), channel, null,
                $"queue for channel '{channel}', but no channel of that name is registered (names are case-sensitive)",
                AllowedNames.List(names, AllowedNames.NoChannel)));
        }

        if (problems.Count > 0)
        {
            throw new ContactCenterConfigurationException(problems);
        }

        return Task.CompletedTask;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var hub = services.GetRequiredService<ContactCenterRuntime>();
        await hub.StartAsync(cancellationToken).ConfigureAwait(false);
        var store = services.GetRequiredService<IInteractionStore>();
        foreach (var connector in services.GetServices<IChannelConnector>())
        {
            var checkpoint = await store.GetCheckpointAsync(connector.Name, cancellationToken).ConfigureAwait(false);
            await connector.StartAsync(hub.SinkFor(connector), checkpoint, cancellationToken).ConfigureAwait(false);
            _started.Add(connector);
            LogConnectorStarted(logger, connector.Name, connector.Media);
        }
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            try
            {
                await _started[i].StopAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ChannelException or OperationCanceledException or IOException)
            {
                LogConnectorStopFailed(logger, _started[i].Name, ex);
            }
        }

        _started.Clear();
    }

    public Task StopAsync(CancellationToken cancellationToken)
        => services.GetRequiredService<ContactCenterRuntime>().StopAsync(cancellationToken);

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(100, LogLevel.Information, "Channel {Channel} ({Media}) started.")]
    private static partial void LogConnectorStarted(ILogger logger, string channel, MediaType media);

    [LoggerMessage(101, LogLevel.Warning, "Channel {Channel} did not stop cleanly.")]
    private static partial void LogConnectorStopFailed(ILogger logger, string channel, Exception exception);
}
