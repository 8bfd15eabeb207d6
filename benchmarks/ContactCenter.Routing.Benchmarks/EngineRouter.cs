using ContactCenter.Routing;

namespace ContactCenter.Routing.Benchmarks;

/// <summary>The lock-free engine behind the drivers' interface.</summary>
internal sealed class EngineRouter : RoutingHandler, IRouter
{
    private readonly RoutingEngine _engine;
    private readonly int _partitions;

    public EngineRouter(Case c, int partitions)
    {
        _partitions = partitions;
        Inboxes = [.. Enumerable.Range(0, partitions).Select(_ => new OfferInbox())];
        var options = new RoutingOptions { OfferTimeout = TimeSpan.FromSeconds(30), CommandCapacity = 1 << 16 };
        for (int q = 0; q < c.Queues; q++)
        {
            var queue = new QueueOptions { Id = new QueueSlot(q), Tenant = new TenantSlot(Case.Partition(q, partitions)) };
            queue.RequiredSkills.Add(new SkillRequirement(new SkillSlot(c.SkillOf(q)), 1));
            options.Queues.Add(queue);
        }

        for (int a = 0; a < c.Agents; a++)
        {
            var agent = new AgentOptions { Id = new AgentSlot(a), InitialPresence = AgentPresence.Available };
            agent.Tenants.Add(new TenantSlot(Case.Partition(a, partitions)));
            foreach (int s in c.SkillsOf(a))
            {
                agent.Skills.Add(new AgentSkill(new SkillSlot(s), 5));
            }

            options.Agents.Add(agent);
        }

        _engine = RoutingEngine.Create(options, this);
    }

    public OfferInbox[] Inboxes { get; }

    public override void OnOffer(in OfferEventArgs e) =>
        Inboxes[Case.Partition(e.Agent.Value, _partitions)].Push(e.Offer.Value, e.Interaction.Value, e.Agent.Value);

    public void Enqueue(long interaction, int queue) =>
        _engine.Enqueue(new InteractionRequest(new InteractionSlot(interaction), new QueueSlot(queue)));

    public bool Accept(long offer) => _engine.Accept(new OfferId(offer)).IsSuccess;

    public void Complete(long interaction) => _engine.Complete(new InteractionSlot(interaction));

    public void Dispose() => _engine.Dispose();
}
