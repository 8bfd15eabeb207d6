using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;

namespace ContactCenter.Routing.Tests;

public class ConfigurationTests
{
    [Fact]
    public void Build_ManyProblems_ThrowsListingEveryProblem()
    {
        var b = new RoutingBuilder()
            .Configure(o => { o.OfferTimeout = TimeSpan.Zero; o.CommandCapacity = 100; })
            .UseRingAll(o => o.MaxAgents = 99)
            .AddQueue(new QueueSlot(1), new TenantSlot(1), q =>
            {
                q.MaxLength = -1;
                q.WhenFull = QueueFallback.Overflow;
                q.Escalation.Add(new EscalationStep());
            })
            .AddAgent(new AgentSlot(1), a => a.Weight = 0);

        var ex = Assert.Throws<RoutingConfigurationException>(() => b.Build(new Recorder()));
        Assert.Contains(ex.Problems, p => p.Contains("OfferTimeout", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("CommandCapacity", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("MaxAgents", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("MaxLength", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("OverflowQueue", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("Escalation:0", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("Tenants", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("Weight", StringComparison.Ordinal));
        Assert.True(ex.Problems.Count >= 8);
        Assert.Contains("MaxLength", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddOrUpdateQueue_UnknownOverflowTarget_Throws()
    {
        using var engine = new RoutingBuilder().Build(new Recorder(), new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        var q = new QueueOptions { Id = new QueueSlot(1), OverflowQueue = new QueueSlot(5), WhenFull = QueueFallback.Overflow };
        var ex = Assert.Throws<RoutingConfigurationException>(() => engine.AddOrUpdateQueue(q));
        Assert.Single(ex.Problems);
    }

    [Fact]
    public void CustomStrategy_WithoutScore_Invalid()
    {
        var b = new RoutingBuilder().UseStrategy(new CustomStrategyOptions());
        Assert.Throws<RoutingConfigurationException>(() => b.Build(new Recorder()));
    }

    [Fact]
    public void AddOrUpdateQueue_WaitingInteractions_KeepTheirPlace()
    {
        using var h = new Harness(b => { Harness.Queue(b, 1); b.AddAgent(new AgentSlot(7), a => a.Tenants.Add(Harness.T1)); });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(5));
        h.Enqueue(101, 1);
        h.Engine.AddOrUpdateQueue(new QueueOptions { Id = new QueueSlot(1), Tenant = Harness.T1, Weight = 2 });
        Assert.True(h.Engine.TryGetWaitEstimate(new InteractionSlot(101), out var e));
        Assert.Equal(2, e.Position);
        h.Available(7);
        Assert.Equal(new InteractionSlot(100), h.Events.Last.Interaction);
    }

    [Fact]
    public void Dispose_ThenPost_ReturnsDisposed()
    {
        var engine = new RoutingBuilder().Build(new Recorder());
        engine.Dispose();
        Assert.Equal(RoutingStatus.Disposed, engine.Complete(new InteractionSlot(1)).Status);
    }
}
