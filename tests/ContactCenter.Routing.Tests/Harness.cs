using ContactCenter.Routing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Routing.Tests;

/// <summary>Records every engine event, in order.</summary>
internal sealed class Recorder : RoutingHandler
{
    public List<OfferEventArgs> Offers { get; } = [];
    public List<OfferEndedEventArgs> Ended { get; } = [];
    public List<OfferAcceptedEventArgs> Accepted { get; } = [];
    public List<InteractionRejectedEventArgs> Rejected { get; } = [];
    public List<InteractionMovedEventArgs> Moved { get; } = [];
    public List<InteractionEscalatedEventArgs> Escalated { get; } = [];
    public List<AgentStatusChangedEventArgs> Status { get; } = [];
    public List<CommandFailedEventArgs> Failed { get; } = [];

    /// <summary>Optional reaction to an offer (runs on the matching loop).</summary>
    public Action<OfferEventArgs>? React { get; set; }

    public override void OnOffer(in OfferEventArgs e)
    {
        Offers.Add(e);
        React?.Invoke(e);
    }

    public override void OnOfferEnded(in OfferEndedEventArgs e) => Ended.Add(e);

    public override void OnOfferAccepted(in OfferAcceptedEventArgs e) => Accepted.Add(e);

    public override void OnInteractionRejected(in InteractionRejectedEventArgs e) => Rejected.Add(e);

    public override void OnInteractionMoved(in InteractionMovedEventArgs e) => Moved.Add(e);

    public override void OnInteractionEscalated(in InteractionEscalatedEventArgs e) => Escalated.Add(e);

    public override void OnAgentStatusChanged(in AgentStatusChangedEventArgs e) => Status.Add(e);

    public override void OnCommandFailed(in CommandFailedEventArgs e) => Failed.Add(e);

    public OfferEventArgs Last => Offers[^1];

    /// <summary>The offers that are neither ended nor accepted.</summary>
    public List<OfferEventArgs> Live() =>
        [.. Offers.Where(o => !Ended.Any(e => e.Offer == o.Offer) && !Accepted.Any(a => a.Offer == o.Offer))];
}

/// <summary>An engine on a fake clock with a recorder; ids are small integers for readability.</summary>
internal sealed class Harness : IDisposable
{
    public static readonly TenantSlot T1 = new(1);
    public static readonly TenantSlot T2 = new(2);
    public static readonly SkillSlot Sales = new(10);
    public static readonly SkillSlot Support = new(11);
    public static readonly SkillSlot Billing = new(12);

    public Harness(Action<RoutingBuilder> configure)
    {
        var builder = new RoutingBuilder();
        configure(builder);
        Engine = builder.Build(Events, Time);
    }

    public FakeTimeProvider Time { get; } = new();

    public Recorder Events { get; } = new();

    public RoutingEngine Engine { get; }

    public void Enqueue(long id, int queue, int? priority = null, int? preferred = null, TimeSpan? preferredTimeout = null)
    {
        var r = Engine.Enqueue(new InteractionRequest(new InteractionSlot(id), new QueueSlot(queue))
        {
            Priority = priority,
            PreferredAgent = preferred is { } p ? new AgentSlot(p) : null,
            PreferredAgentTimeout = preferredTimeout,
        });
        Assert.True(r.IsSuccess, r.Status.ToString());
    }

    public void Available(int agent) => Assert.True(Engine.SetAgentPresence(new AgentSlot(agent), AgentPresence.Available).IsSuccess);

    public void Accept(OfferEventArgs offer) => Assert.Equal(RoutingStatus.Ok, Engine.Accept(offer.Offer).Status);

    public void Complete(long id) => Assert.True(Engine.Complete(new InteractionSlot(id)).IsSuccess);

    public void Advance(TimeSpan by) => Time.Advance(by);

    public AgentSnapshot Agent(int id)
    {
        Assert.True(Engine.TryGetAgent(new AgentSlot(id), out var s));
        return s;
    }

    public OfferEventArgs OfferOf(long interaction) => Events.Offers.Last(o => o.Interaction.Value == interaction);

    public void Dispose() => Engine.Dispose();

    /// <summary>Adds an agent of tenant 1 speaking "en", available, with the given skills (level 5 unless given).</summary>
    public static void Agent(RoutingBuilder b, int id, params SkillSlot[] skills) =>
        b.AddAgent(new AgentSlot(id), a =>
        {
            a.Tenants.Add(T1);
            a.Languages.Add("en");
            foreach (var s in skills)
            {
                a.Skills.Add(new AgentSkill(s, 5));
            }

            a.InitialPresence = AgentPresence.Available;
        });

    public static void Queue(RoutingBuilder b, int id, Action<QueueOptions>? configure = null) =>
        b.AddQueue(new QueueSlot(id), T1, configure);
}
