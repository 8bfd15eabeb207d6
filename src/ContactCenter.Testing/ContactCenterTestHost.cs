using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Testing;

/// <summary>
/// A whole contact center in a test: a real host with a <see cref="FakeTimeProvider"/>, in-memory channels,
/// scripted customers and agents, so that a test reads like a conversation. Restartable on the same store.
/// </summary>
public sealed class ContactCenterTestHost : IAsyncDisposable
{
    private readonly Action<IContactCenterBuilder> _configure;
    private readonly Action<IServiceCollection>? _services;
    private readonly Dictionary<string, InMemoryChannel> _channels;

    private ContactCenterTestHost(IHost host, FakeTimeProvider clock, Dictionary<string, InMemoryChannel> channels,
        Action<IContactCenterBuilder> configure, Action<IServiceCollection>? services, TimeSpan timeout)
    {
        Host = host;
        Clock = clock;
        _channels = channels;
        _configure = configure;
        _services = services;
        Timeout = timeout;
    }

    /// <summary>The running host.</summary>
    public IHost Host { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => Host.Services;

    /// <summary>The fake clock every timer runs on. Advance it to make time pass.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>The contact center.</summary>
    public IContactCenter ContactCenter => Services.GetRequiredService<IContactCenter>();

    /// <summary>How long scripted customers and agents wait for something before failing. Default 10 s of real time.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The first in-memory channel (by default the one named <c>chat</c>).</summary>
    public InMemoryChannel Channel => _channels.Values.First();

    /// <summary>Starts a contact center composed by <paramref name="configure"/> with the given in-memory channels (default: one named <c>chat</c>).</summary>
    public static Task<ContactCenterTestHost> StartAsync(Action<IContactCenterBuilder> configure, params InMemoryChannel[] channels)
        => StartAsync(configure, services: null, channels: channels);

    /// <summary>Starts a contact center, with extra service registrations.</summary>
    public static Task<ContactCenterTestHost> StartAsync(Action<IContactCenterBuilder> configure, Action<IServiceCollection>? services,
        FakeTimeProvider? clock = null, TimeSpan? timeout = null, params InMemoryChannel[] channels)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var map = (channels.Length == 0 ? [new InMemoryChannel()] : channels).ToDictionary(c => c.Name, StringComparer.Ordinal);
        return StartCoreAsync(configure, services, clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero)), timeout ?? TimeSpan.FromSeconds(10), map);
    }

    /// <summary>A channel by name.</summary>
    public InMemoryChannel GetChannel(string name) => _channels[name];

    /// <summary>A customer writing from <paramref name="identity"/> on a channel (default: the first).</summary>
    public ScriptedCustomer Customer(CustomerIdentity identity, string? channel = null, string? displayName = null, string? conversationKey = null)
    {
        var ch = channel is null ? Channel : _channels[channel];
        return new ScriptedCustomer(ch, identity, conversationKey ?? $"{identity}/{Guid.NewGuid():N}", displayName, Timeout);
    }

    /// <summary>Logs an agent in (available).</summary>
    public async Task<ScriptedAgent> LogInAgentAsync(string agent, AgentState state = AgentState.Available)
        => new(await ContactCenter.LogInAsync(new AgentId(agent), state).ConfigureAwait(false), Timeout);

    /// <summary>
    /// Waits until the interaction's timeline holds an event matching <paramref name="match"/>: one already there, or
    /// one committed later (the feed is subscribed before the timeline is read, so nothing falls in between).
    /// </summary>
    /// <exception cref="TimeoutException">Nothing matched within <see cref="Timeout"/>; the message says what was awaited.</exception>
    public async Task<TimelineEvent> WaitForEventAsync(InteractionId interaction, Func<TimelineEvent, bool> match, string description)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var cts = new CancellationTokenSource(Timeout);
        var events = ContactCenter.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await using (events.ConfigureAwait(false))
        {
            try
            {
                var existing = (await ContactCenter.GetTimelineAsync(interaction, cts.Token).ConfigureAwait(false)).FirstOrDefault(match);
                if (existing is not null)
                {
                    return existing;
                }

                while (await events.MoveNextAsync().ConfigureAwait(false))
                {
                    if (events.Current.InteractionId == interaction && match(events.Current))
                    {
                        return events.Current;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        throw new TimeoutException($"Interaction {interaction}: {description} did not happen within {Timeout.TotalSeconds} s.");
    }

    /// <summary>Waits until the interaction is in <paramref name="state"/> (now, or by a later state change) and returns it.</summary>
    /// <exception cref="TimeoutException">It did not get there within <see cref="Timeout"/>.</exception>
    public async Task<Interaction> WaitForStateAsync(InteractionId interaction, InteractionState state)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var events = ContactCenter.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await using (events.ConfigureAwait(false))
        {
            try
            {
                if (await ContactCenter.GetInteractionAsync(interaction, cts.Token).ConfigureAwait(false) is { } now && now.State == state)
                {
                    return now;
                }

                while (await events.MoveNextAsync().ConfigureAwait(false))
                {
                    if (events.Current is StateChangedEvent changed && changed.InteractionId == interaction && changed.To == state)
                    {
                        return (await ContactCenter.GetInteractionAsync(interaction, cts.Token).ConfigureAwait(false))!;
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        var last = await ContactCenter.GetInteractionAsync(interaction).ConfigureAwait(false);
        throw new TimeoutException($"Interaction {interaction} did not reach {state} within {Timeout.TotalSeconds} s; it is {last?.State}.");
    }

    /// <summary>Stops this host and starts a new one with the same composition, channels and clock (for example on the same SQLite file).</summary>
    public async Task<ContactCenterTestHost> RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Host.Dispose();
        return await StartCoreAsync(_configure, _services, Clock, Timeout, _channels).ConfigureAwait(false);
    }

    /// <summary>Stops the host.</summary>
    public Task StopAsync() => Host.StopAsync(CancellationToken.None);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Already restarted or disposed.
        }

        Host.Dispose();
    }

    private static async Task<ContactCenterTestHost> StartCoreAsync(Action<IContactCenterBuilder> configure, Action<IServiceCollection>? services,
        FakeTimeProvider clock, TimeSpan timeout, Dictionary<string, InMemoryChannel> channels)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.AddContactCenter(cc =>
        {
            cc.UseTimeProvider(clock);
            foreach (var channel in channels.Values)
            {
                cc.AddChannel(channel);
            }

            configure(cc);
        });
        services?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new ContactCenterTestHost(host, clock, channels, configure, services, timeout);
    }
}
