using ContactCenter.Routing;
using static ContactCenter.Routing.Tests.Harness;

namespace ContactCenter.Routing.Tests;

public class PreferredAgentTests
{
    [Fact]
    public void Preferred_Available_OfferedToPreferredNotLongestIdle()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); Agent(b, 8); });
        h.Enqueue(100, 1, preferred: 8);
        Assert.Equal((new AgentSlot(8), RoutingRule.PreferredAgent), (h.Events.Last.Agent, h.Events.Last.Explanation.Rule));
    }

    [Fact]
    public void Preferred_Busy_WaitsForPreferredUntilTimeoutThenFallsBack()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); Agent(b, 8); });
        h.Enqueue(1, 1, preferred: 8);
        h.Accept(h.Events.Last);
        h.Enqueue(100, 1, preferred: 8, preferredTimeout: TimeSpan.FromSeconds(20));
        Assert.Single(h.Events.Offers);
        h.Advance(TimeSpan.FromSeconds(19));
        Assert.Single(h.Events.Offers);
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((new InteractionSlot(100), new AgentSlot(7)), (h.Events.Last.Interaction, h.Events.Last.Agent));
    }

    [Fact]
    public void Preferred_FreedBeforeTimeout_GetsItsInteraction()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); Agent(b, 8); });
        h.Enqueue(1, 1, preferred: 8);
        h.Accept(h.Events.Last);
        h.Enqueue(2, 1, preferred: 7);
        h.Accept(h.Events.Last);
        h.Enqueue(100, 1, preferred: 8, preferredTimeout: TimeSpan.FromSeconds(60));
        h.Advance(TimeSpan.FromSeconds(5));
        h.Complete(2); // agent 7 frees: must not take 100, which waits for 8
        Assert.Equal(2, h.Events.Offers.Count);
        h.Complete(1);
        Assert.Equal((new InteractionSlot(100), new AgentSlot(8), RoutingRule.PreferredAgent), (h.Events.Last.Interaction, h.Events.Last.Agent, h.Events.Last.Explanation.Rule));
    }

    [Fact]
    public void Preferred_GoesOffline_FallsBackAtOnce()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); Agent(b, 8); });
        h.Enqueue(1, 1, preferred: 8);
        h.Accept(h.Events.Last);
        h.Enqueue(2, 1, preferred: 7);
        h.Accept(h.Events.Last);
        h.Enqueue(100, 1, preferred: 8, preferredTimeout: TimeSpan.FromMinutes(5));
        h.Complete(2);
        Assert.True(h.Engine.SetAgentPresence(new AgentSlot(8), AgentPresence.Offline).IsSuccess);
        Assert.Equal((new InteractionSlot(100), new AgentSlot(7)), (h.Events.Last.Interaction, h.Events.Last.Agent));
    }

    [Fact]
    public void Preferred_OtherTenant_Ignored()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1);
            Agent(b, 7);
            b.AddAgent(new AgentSlot(9), a => { a.Tenants.Add(T2); a.InitialPresence = AgentPresence.Available; });
        });
        h.Enqueue(100, 1, preferred: 9);
        Assert.Equal(new AgentSlot(7), h.Events.Last.Agent);
    }

    [Fact]
    public void Preferred_LacksQueueSkill_OfferedToQualifiedAgentInstead()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1, q => q.RequiredSkills.Add(new SkillRequirement(Sales, 3)));
            Agent(b, 7, Sales);
            Agent(b, 8, Support);
        });
        h.Enqueue(100, 1, preferred: 8);
        Assert.Equal((new AgentSlot(7), RoutingRule.BestAgentForInteraction), (h.Events.Last.Agent, h.Events.Last.Explanation.Rule));
    }

    [Fact]
    public void Preferred_LacksQueueLanguage_NeverOffered()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1, q => q.Language = "de");
            b.AddAgent(new AgentSlot(9), a => { a.Tenants.Add(T1); a.Languages.Add("en"); a.InitialPresence = AgentPresence.Available; });
        });
        h.Enqueue(100, 1, preferred: 9);
        Assert.Empty(h.Events.Offers);
        Assert.True(h.Engine.TryGetWaitEstimate(new InteractionSlot(100), out _));
    }

    [Fact]
    public void Preferred_LosesQueueSkillWhileWaiting_InteractionGoesToQualifiedAgent()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1, q => q.RequiredSkills.Add(new SkillRequirement(Sales, 3)));
            Agent(b, 7, Sales);
            Agent(b, 8, Sales);
        });
        h.Enqueue(1, 1, preferred: 7);
        h.Accept(h.Events.Last);
        h.Enqueue(2, 1, preferred: 8);
        h.Accept(h.Events.Last);
        h.Enqueue(100, 1, preferred: 8, preferredTimeout: TimeSpan.FromMinutes(5));
        h.Engine.AddOrUpdateAgent(new AgentOptions { Id = new AgentSlot(8), Tenants = { T1 }, Languages = { "en" }, Skills = { new AgentSkill(Support, 5) } });
        h.Complete(1);
        Assert.Equal((new InteractionSlot(100), new AgentSlot(7)), (h.Events.Last.Interaction, h.Events.Last.Agent));
    }
}
