using System.Collections.Concurrent;
using ContactCenter.Routing;

namespace ContactCenter.Routing.Tests;

/// <summary>
/// A host that checks the engine's safety invariants from the outside, as a real host would see them:
/// an interaction is connected to at most one agent at a time; an agent never holds more interactions of a
/// medium than its capacity, nor new non-voice work during a call; an agent only gets work of its tenants.
/// "Held" = offered or connected and not yet completed by the host. Thread-safe: the handler runs on the
/// matching loop, the host's workers on their own threads.
/// </summary>
internal sealed class InvariantChecker : RoutingHandler
{
    private readonly int[,] _held;
    private readonly int[,] _capacity;
    private readonly HashSet<int>[] _tenants;
    private readonly Dictionary<int, TenantSlot> _queueTenant;
    private readonly Dictionary<int, RoutingMedia> _queueMedia;
    private readonly ConcurrentDictionary<long, RoutingMedia> _offerMedia = new();

    public InvariantChecker(IEnumerable<AgentOptions> agents, IEnumerable<QueueOptions> queues, int maxAgentId)
    {
        _held = new int[maxAgentId + 1, 4];
        _capacity = new int[maxAgentId + 1, 4];
        _tenants = new HashSet<int>[maxAgentId + 1];
        foreach (var a in agents)
        {
            for (int m = 0; m < 4; m++)
            {
                _capacity[a.Id.Value, m] = a.Capacity.For((RoutingMedia)m);
            }

            _tenants[a.Id.Value] = [.. a.Tenants.Select(t => t.Value)];
        }

        _queueTenant = queues.ToDictionary(q => q.Id.Value, q => q.Tenant);
        _queueMedia = queues.ToDictionary(q => q.Id.Value, q => q.Media);
    }

    public ConcurrentQueue<OfferEventArgs> Offers { get; } = new();

    public ConcurrentDictionary<long, int> Connected { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    public long Rejected;
    public long OffersMade;

    public override void OnOffer(in OfferEventArgs e)
    {
        Interlocked.Increment(ref OffersMade);
        int a = e.Agent.Value, m = (int)e.Media;
        if (_queueMedia[e.Queue.Value] != e.Media)
        {
            Violations.Enqueue($"offer {e.Offer.Value}: medium {e.Media} is not the queue's");
        }

        if (!_tenants[a].Contains(_queueTenant[e.Queue.Value].Value))
        {
            Violations.Enqueue($"offer {e.Offer.Value}: agent {a} got work of tenant {_queueTenant[e.Queue.Value].Value}");
        }

        if (Connected.ContainsKey(e.Interaction.Value))
        {
            Violations.Enqueue($"offer {e.Offer.Value}: interaction {e.Interaction.Value} is already connected");
        }

        int held = Interlocked.Increment(ref _held[a, m]);
        if (held > _capacity[a, m])
        {
            Violations.Enqueue($"offer {e.Offer.Value}: agent {a} holds {held} of medium {e.Media}, capacity {_capacity[a, m]}");
        }

        if (e.Media != RoutingMedia.Voice && Volatile.Read(ref _held[a, 0]) > 0)
        {
            Violations.Enqueue($"offer {e.Offer.Value}: agent {a} got {e.Media} work during a call");
        }

        _offerMedia[e.Offer.Value] = e.Media;
        Offers.Enqueue(e);
    }

    public override void OnOfferEnded(in OfferEndedEventArgs e)
    {
        if (_offerMedia.TryRemove(e.Offer.Value, out var m))
        {
            Interlocked.Decrement(ref _held[e.Agent.Value, (int)m]);
        }
        else
        {
            Violations.Enqueue($"offer {e.Offer.Value} ended but was never made, or was accepted");
        }
    }

    public override void OnInteractionRejected(in InteractionRejectedEventArgs e) => Interlocked.Increment(ref Rejected);

    public override void OnHandlerError(Exception exception) => Violations.Enqueue("handler threw: " + exception);

    /// <summary>The host accepted an offer successfully.</summary>
    public void Accepted(in OfferEventArgs offer)
    {
        _offerMedia.TryRemove(offer.Offer.Value, out _);
        if (!Connected.TryAdd(offer.Interaction.Value, offer.Agent.Value))
        {
            Violations.Enqueue($"interaction {offer.Interaction.Value} accepted twice at the same time");
        }
    }

    /// <summary>The host finished an interaction; call before <see cref="RoutingEngine.Complete"/>.</summary>
    public bool Finish(long interaction, RoutingMedia media)
    {
        if (!Connected.TryRemove(interaction, out int agent))
        {
            return false;
        }

        Interlocked.Decrement(ref _held[agent, (int)media]);
        return true;
    }

    public RoutingMedia MediaOf(int queue) => _queueMedia[queue];

    public int HeldBy(int agent, RoutingMedia media) => Volatile.Read(ref _held[agent, (int)media]);
}
