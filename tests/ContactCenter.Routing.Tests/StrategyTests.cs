using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;
using static ContactCenter.Routing.Tests.Harness;

namespace ContactCenter.Routing.Tests;

public class StrategyTests
{
    private static void Serve(Harness h, long id)
    {
        h.Enqueue(id, 1);
        var o = h.Events.Last;
        h.Accept(o);
        h.Complete(id);
    }

    [Fact]
    public void LongestIdle_ThreeAgents_IdleLongestWins()
    {
        using var h = new Harness(b => { b.UseLongestIdle(); Queue(b, 1); Agent(b, 7); Agent(b, 8); Agent(b, 9); });
        h.Advance(TimeSpan.FromSeconds(1));
        Serve(h, 1);
        h.Advance(TimeSpan.FromSeconds(1));
        Serve(h, 2);
        h.Advance(TimeSpan.FromSeconds(1));
        Serve(h, 3);
        h.Advance(TimeSpan.FromSeconds(1));
        h.Enqueue(4, 1);
        Assert.Equal([7, 8, 9, 7], h.Events.Offers.Select(o => o.Agent.Value));
    }

    [Fact]
    public void LeastOccupied_ChatAgents_LowestLoadRatioWins()
    {
        using var h = new Harness(b =>
        {
            b.UseLeastOccupied();
            Queue(b, 1, q => q.Media = RoutingMedia.Chat);
            b.AddAgent(new AgentSlot(7), a => { a.Tenants.Add(T1); a.Capacity.Voice = 0; a.Capacity.Chat = 2; a.InitialPresence = AgentPresence.Available; });
            b.AddAgent(new AgentSlot(8), a => { a.Tenants.Add(T1); a.Capacity.Voice = 0; a.Capacity.Chat = 4; a.InitialPresence = AgentPresence.Available; });
        });
        for (int i = 0; i < 6; i++)
        {
            h.Enqueue(100 + i, 1);
        }

        // Loads go 0/2 vs 0/4 → ties to index, then ratios keep both level; agent 8 ends with 4, agent 7 with 2.
        Assert.Equal(2, h.Events.Offers.Count(o => o.Agent == new AgentSlot(7)));
        Assert.Equal(4, h.Events.Offers.Count(o => o.Agent == new AgentSlot(8)));
        Assert.Equal("least-occupied", h.Events.Last.Explanation.Strategy);
    }

    [Fact]
    public void RoundRobin_RepeatedWork_RotatesThroughAgents()
    {
        using var h = new Harness(b => { b.UseRoundRobin(); Queue(b, 1); Agent(b, 7); Agent(b, 8); Agent(b, 9); });
        for (int i = 0; i < 6; i++)
        {
            Serve(h, 100 + i);
        }

        Assert.Equal([7, 8, 9, 7, 8, 9], h.Events.Offers.Select(o => o.Agent.Value));
    }

    [Fact]
    public void LeastTalkTime_AgentWithLessTalk_Wins()
    {
        using var h = new Harness(b => { b.UseLeastTalkTime(); Queue(b, 1); Agent(b, 7); Agent(b, 8); });
        h.Enqueue(1, 1);
        var first = h.Events.Last;
        h.Accept(first);
        h.Enqueue(2, 1);
        h.Accept(h.Events.Last);
        h.Advance(TimeSpan.FromMinutes(1));
        h.Complete(2);
        h.Advance(TimeSpan.FromMinutes(10));
        h.Complete(first.Interaction.Value);
        h.Enqueue(3, 1);

        // The first agent talked 11 minutes, the second 1 minute, although the second was idle for less time.
        Assert.NotEqual(first.Agent, h.Events.Last.Agent);
    }

    [Fact]
    public void BestSkillScore_HigherLevel_Wins()
    {
        using var h = new Harness(b =>
        {
            b.UseBestSkillScore();
            Queue(b, 1, q => q.RequiredSkills.Add(new SkillRequirement(Support, 1)));
            b.AddAgent(new AgentSlot(7), a => { a.Tenants.Add(T1); a.Skills.Add(new AgentSkill(Support, 3)); a.InitialPresence = AgentPresence.Available; });
            b.AddAgent(new AgentSlot(8), a => { a.Tenants.Add(T1); a.Skills.Add(new AgentSkill(Support, 9)); a.InitialPresence = AgentPresence.Available; });
        });
        h.Enqueue(1, 1);
        Assert.Equal(new AgentSlot(8), h.Events.Last.Agent);
        Assert.Equal(9, h.Events.Last.Explanation.Score);
        Assert.Equal(3, h.Events.Last.Explanation.RunnerUpScore);
    }

    [Fact]
    public void WeightedRandom_WeightsOneAndThree_SplitRoughlyOneToThree()
    {
        using var h = new Harness(b =>
        {
            b.UseWeightedRandom(o => o.Seed = 42);
            Queue(b, 1);
            b.AddAgent(new AgentSlot(7), a => { a.Tenants.Add(T1); a.Weight = 1; a.InitialPresence = AgentPresence.Available; });
            b.AddAgent(new AgentSlot(8), a => { a.Tenants.Add(T1); a.Weight = 3; a.InitialPresence = AgentPresence.Available; });
        });
        for (int i = 0; i < 4000; i++)
        {
            Serve(h, 10_000 + i);
        }

        double share = h.Events.Offers.Count(o => o.Agent == new AgentSlot(8)) / 4000.0;
        Assert.InRange(share, 0.70, 0.80);
    }

    [Fact]
    public void RingAll_ThreeAgents_FirstAcceptWinsOthersRevoked()
    {
        using var h = new Harness(b => { b.UseRingAll(o => o.MaxAgents = 3); Queue(b, 1); Agent(b, 7); Agent(b, 8); Agent(b, 9); Agent(b, 10); });
        h.Enqueue(1, 1);
        Assert.Equal(3, h.Events.Offers.Count);
        Assert.All(h.Events.Offers, o => Assert.True(o.IsRingAll));
        var winner = h.Events.Offers[1];
        h.Accept(winner);
        Assert.Equal(2, h.Events.Ended.Count(e => e.Reason == OfferEndReason.TakenByAnother));
        Assert.Equal(RoutingStatus.OfferNotFound, h.Engine.Accept(h.Events.Offers[0].Offer).Status);
        Assert.Equal(AgentStatus.Available, h.Agent(h.Events.Offers[0].Agent.Value).Status);
    }

    [Fact]
    public void RingAll_AllDecline_InteractionBackInQueueNotToLastDecliner()
    {
        using var h = new Harness(b => { b.UseRingAll(o => o.MaxAgents = 2); Queue(b, 1); Agent(b, 7); Agent(b, 8); });
        h.Enqueue(1, 1);
        var first = h.Events.Offers.ToList();
        h.Engine.Decline(first[0].Offer);
        Assert.Empty(h.Events.Offers.Skip(2));
        h.Engine.Decline(first[1].Offer);

        // Back at its place; the other (earlier) decliner may ring again, the last decliner is cooling down.
        Assert.Equal(2, h.Events.Ended.Count(e => e.Reason == OfferEndReason.Declined));
        var again = Assert.Single(h.Events.Offers.Skip(2));
        Assert.Equal(first[0].Agent, again.Agent);
    }

    [Fact]
    public void Custom_ScoreByWeight_HighestScoreWins()
    {
        using var h = new Harness(b =>
        {
            b.UseCustomStrategy(s => s.Weight * 10 - s.Load, o => o.WithName("weight-minus-load"));
            Queue(b, 1);
            b.AddAgent(new AgentSlot(7), a => { a.Tenants.Add(T1); a.Weight = 1; a.InitialPresence = AgentPresence.Available; });
            b.AddAgent(new AgentSlot(8), a => { a.Tenants.Add(T1); a.Weight = 2; a.InitialPresence = AgentPresence.Available; });
        });
        h.Enqueue(1, 1);
        Assert.Equal(new AgentSlot(8), h.Events.Last.Agent);
        Assert.Equal("weight-minus-load", h.Events.Last.Explanation.Strategy);
    }

    [Fact]
    public void OnAgentSelected_Set_CalledWithExplanation()
    {
        var seen = new List<AgentSelectedArguments>();
        using var h = new Harness(b => { b.UseLongestIdle(o => o.OnAgentSelected = seen.Add); Queue(b, 1); Agent(b, 7); });
        h.Enqueue(1, 1);
        var s = Assert.Single(seen);
        Assert.Equal(new AgentSlot(7), s.Agent);
        Assert.Equal(1, s.Explanation.Candidates);
    }

    [Fact]
    public void PerQueueStrategy_OverridesDefault()
    {
        using var h = new Harness(b =>
        {
            b.UseLongestIdle();
            Queue(b, 1, q => q.Strategy = new RoundRobinStrategyOptions());
            Agent(b, 7);
        });
        h.Enqueue(1, 1);
        Assert.Equal("round-robin", h.Events.Last.Explanation.Strategy);
    }
}
