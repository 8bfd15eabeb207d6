using ContactCenter.Routing;
using static ContactCenter.Routing.Tests.Harness;

namespace ContactCenter.Routing.Tests;

public class MatchingTests
{
    [Fact]
    public void Enqueue_EligibleAgentAvailable_OffersImmediately()
    {
        using var h = new Harness(b => { Queue(b, 1, q => q.RequiredSkills.Add(new SkillRequirement(Sales, 3))); Agent(b, 7, Sales); });
        h.Enqueue(100, 1);
        var offer = Assert.Single(h.Events.Offers);
        Assert.Equal(new AgentSlot(7), offer.Agent);
        Assert.Equal(new InteractionSlot(100), offer.Interaction);
        Assert.Equal(RoutingRule.BestAgentForInteraction, offer.Explanation.Rule);
    }

    [Fact]
    public void Enqueue_AgentLacksSkillLevel_NotOffered()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1, q => q.RequiredSkills.Add(new SkillRequirement(Sales, 6)));
            Agent(b, 7, Sales);
        });
        h.Enqueue(100, 1);
        Assert.Empty(h.Events.Offers);
        Assert.True(h.Engine.TryGetWaitEstimate(new InteractionSlot(100), out var est));
        Assert.Equal(1, est.Position);
    }

    [Fact]
    public void Enqueue_LanguageRequired_OnlySpeakerOffered()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1, q => q.Language = "DE");
            Agent(b, 7);
            b.AddAgent(new AgentSlot(8), a => { a.Tenants.Add(T1); a.Languages.Add("de"); a.InitialPresence = AgentPresence.Available; });
        });
        h.Enqueue(100, 1);
        Assert.Equal(new AgentSlot(8), Assert.Single(h.Events.Offers).Agent);
    }

    [Fact]
    public void AgentBecomesAvailable_InteractionWaiting_TakesIt()
    {
        using var h = new Harness(b => { Queue(b, 1); b.AddAgent(new AgentSlot(7), a => a.Tenants.Add(T1)); });
        h.Enqueue(100, 1);
        Assert.Empty(h.Events.Offers);
        h.Available(7);
        var offer = Assert.Single(h.Events.Offers);
        Assert.Equal(RoutingRule.BestInteractionForAgent, offer.Explanation.Rule);
    }

    [Fact]
    public void Complete_AgentFreed_TakesNextWaitingInteraction()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); });
        h.Enqueue(100, 1);
        h.Enqueue(101, 1);
        h.Accept(h.OfferOf(100));
        Assert.Single(h.Events.Offers);
        h.Complete(100);
        Assert.Equal(new InteractionSlot(101), h.Events.Last.Interaction);
        Assert.Equal(RoutingRule.BestInteractionForAgent, h.Events.Last.Explanation.Rule);
    }

    [Fact]
    public void Complete_WithWrapUp_AgentInWrapUpUntilItEnds()
    {
        using var h = new Harness(b => { Queue(b, 1, q => q.WrapUpTime = TimeSpan.FromSeconds(30)); Agent(b, 7); });
        h.Enqueue(100, 1);
        h.Enqueue(101, 1);
        h.Accept(h.OfferOf(100));
        h.Complete(100);
        Assert.Equal(AgentStatus.WrapUp, h.Agent(7).Status);
        Assert.Single(h.Events.Offers);
        h.Advance(TimeSpan.FromSeconds(29));
        Assert.Single(h.Events.Offers);
        h.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new InteractionSlot(101), h.Events.Last.Interaction);
    }

    [Fact]
    public void Complete_AgentWrapUpOverridesQueue_AgentsOwnWrapUpApplies()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1, q => q.WrapUpTime = TimeSpan.FromMinutes(5));
            b.AddAgent(new AgentSlot(7), a => { a.Tenants.Add(T1); a.WrapUpTime = TimeSpan.FromSeconds(10); a.InitialPresence = AgentPresence.Available; });
        });
        h.Enqueue(100, 1);
        h.Enqueue(101, 1);
        h.Accept(h.OfferOf(100));
        h.Complete(100);
        h.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(new InteractionSlot(101), h.Events.Last.Interaction);
    }

    [Fact]
    public void EndWrapUp_Early_FreesCapacityAtOnce()
    {
        using var h = new Harness(b => { Queue(b, 1, q => q.WrapUpTime = TimeSpan.FromMinutes(5)); Agent(b, 7); });
        h.Enqueue(100, 1);
        h.Enqueue(101, 1);
        h.Accept(h.OfferOf(100));
        h.Complete(100);
        Assert.True(h.Engine.EndWrapUp(new InteractionSlot(100)).IsSuccess);
        Assert.Equal(new InteractionSlot(101), h.Events.Last.Interaction);
    }

    [Fact]
    public void SetPresence_Break_NoOffersAndReasonReported()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); });
        Assert.True(h.Engine.SetAgentPresence(new AgentSlot(7), AgentPresence.Break, "lunch").IsSuccess);
        h.Enqueue(100, 1);
        Assert.Empty(h.Events.Offers);
        var change = h.Events.Status.Last();
        Assert.Equal(AgentStatus.Break, change.Current);
        Assert.Equal("lunch", change.Reason);
        h.Available(7);
        Assert.Single(h.Events.Offers);
    }

    [Fact]
    public void Cancel_WaitingInteraction_RemovedAndCountedAbandoned()
    {
        using var h = new Harness(b => Queue(b, 1));
        h.Enqueue(100, 1);
        Assert.Equal(RoutingStatus.Ok, h.Engine.Cancel(new InteractionSlot(100)).Status);
        Assert.False(h.Engine.TryGetWaitEstimate(new InteractionSlot(100), out _));
        Assert.True(h.Engine.TryGetQueueStatistics(new QueueSlot(1), out var stats));
        Assert.Equal(1, stats.Abandoned);
        Assert.Equal(0, stats.Waiting);
        Assert.Equal(RoutingStatus.InteractionNotFound, h.Engine.Cancel(new InteractionSlot(100)).Status);
    }

    [Fact]
    public void Cancel_OfferedInteraction_RevokesOfferAndAgentTakesNext()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); });
        h.Enqueue(100, 1);
        h.Enqueue(101, 1);
        var first = h.OfferOf(100);
        Assert.Equal(RoutingStatus.Ok, h.Engine.Cancel(new InteractionSlot(100)).Status);
        Assert.Equal(OfferEndReason.Cancelled, Assert.Single(h.Events.Ended).Reason);
        Assert.Equal(RoutingStatus.OfferNotFound, h.Engine.Accept(first.Offer).Status);
        Assert.Equal(new InteractionSlot(101), h.Events.Last.Interaction);
    }

    [Fact]
    public void Enqueue_DuplicateOrUnknownQueue_Rejected()
    {
        using var h = new Harness(b => Queue(b, 1));
        h.Enqueue(100, 1);
        h.Enqueue(100, 1);
        h.Enqueue(101, 99);
        Assert.Equal([RejectReason.DuplicateInteraction, RejectReason.UnknownQueue], h.Events.Rejected.Select(r => r.Reason));
    }

    [Fact]
    public void Enqueue_InvalidPriority_ReturnsInvalidArgument()
    {
        using var h = new Harness(b => Queue(b, 1));
        var r = h.Engine.Enqueue(new InteractionRequest(new InteractionSlot(1), new QueueSlot(1)) { Priority = 5000 });
        Assert.Equal(RoutingStatus.InvalidArgument, r.Status);
    }

    [Fact]
    public void Complete_NotConnected_ReportsCommandFailed()
    {
        using var h = new Harness(b => Queue(b, 1));
        h.Enqueue(100, 1);
        h.Complete(100);
        Assert.Equal(RoutingStatus.InvalidState, Assert.Single(h.Events.Failed).Status);
    }

    [Fact]
    public void Offer_Explanation_HasRuleStrategyCandidatesAndScores()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); Agent(b, 8); Agent(b, 9); });
        h.Enqueue(100, 1);
        var e = h.Events.Last.Explanation;
        Assert.Equal(RoutingRule.BestAgentForInteraction, e.Rule);
        Assert.Equal("longest-idle", e.Strategy);
        Assert.Equal(3, e.Candidates);
        Assert.True(e.Score >= e.RunnerUpScore);
        Assert.Contains("longest-idle", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetWaitEstimate_ThreeWaiting_PositionsAndEstimateGrow()
    {
        using var h = new Harness(b => { Queue(b, 1, q => q.AverageHandleTime = TimeSpan.FromMinutes(2)); b.AddAgent(new AgentSlot(7), a => { a.Tenants.Add(T1); a.InitialPresence = AgentPresence.Break; }); });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(10));
        h.Enqueue(101, 1);
        h.Enqueue(102, 1);
        Assert.True(h.Engine.TryGetWaitEstimate(new InteractionSlot(100), out var a));
        Assert.True(h.Engine.TryGetWaitEstimate(new InteractionSlot(102), out var c));
        Assert.Equal(1, a.Position);
        Assert.Equal(3, c.Position);
        Assert.Equal(3, c.Waiting);
        Assert.Equal(TimeSpan.FromSeconds(10), a.Waited);
        Assert.Equal(TimeSpan.FromMinutes(2), a.EstimatedWait);
        Assert.Equal(TimeSpan.FromMinutes(6), c.EstimatedWait);
    }

    [Fact]
    public void Restore_ExistingWork_CountsAgainstCapacity()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); });
        Assert.Equal(RoutingStatus.Ok, h.Engine.Restore(new InteractionSlot(50), new QueueSlot(1), new AgentSlot(7)).Status);
        h.Enqueue(100, 1);
        Assert.Empty(h.Events.Offers);
        h.Complete(50);
        Assert.Single(h.Events.Offers);
    }

    [Fact]
    public void RemoveAgent_WithOffer_OfferRevokedAndInteractionRequeued()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); });
        h.Enqueue(100, 1);
        Assert.Equal(RoutingStatus.Ok, h.Engine.RemoveAgent(new AgentSlot(7)).Status);
        Assert.Equal(OfferEndReason.AgentLeft, Assert.Single(h.Events.Ended).Reason);
        Assert.True(h.Engine.TryGetWaitEstimate(new InteractionSlot(100), out _));
        Assert.False(h.Engine.TryGetAgent(new AgentSlot(7), out _));
    }

    [Fact]
    public void AddOrUpdateAgent_NewSkill_TakesWaitingWork()
    {
        using var h = new Harness(b => { Queue(b, 1, q => q.RequiredSkills.Add(new SkillRequirement(Billing, 1))); Agent(b, 7); });
        h.Enqueue(100, 1);
        Assert.Empty(h.Events.Offers);
        var update = new AgentOptions { Id = new AgentSlot(7) };
        update.Tenants.Add(T1);
        update.Skills.Add(new AgentSkill(Billing, 2));
        h.Engine.AddOrUpdateAgent(update);
        Assert.Single(h.Events.Offers);
    }

    [Fact]
    public void Handler_CallsBackIntoEngine_AppliedAfterCurrentDecision()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); });
        h.Events.React = o => h.Engine.Accept(o.Offer);
        h.Enqueue(100, 1);
        Assert.Single(h.Events.Accepted);
        Assert.Equal(AgentStatus.Busy, h.Agent(7).Status);
    }

    [Fact]
    public void Enqueue_RingFull_ReturnsBackpressureAndLosesNothingAccepted()
    {
        using var h = new Harness(b => { b.Configure(o => o.CommandCapacity = 64); Queue(b, 1); Agent(b, 7); });
        var results = new List<RoutingStatus>();
        h.Events.React = _ =>
        {
            // On the matching loop the ring cannot drain until we return: it fills up.
            for (int i = 0; i < 100; i++)
            {
                results.Add(h.Engine.Enqueue(new InteractionRequest(new InteractionSlot(1000 + i), new QueueSlot(1))).Status);
            }

            h.Events.React = null;
        };
        h.Enqueue(1, 1);
        Assert.Equal(64, results.Count(r => r == RoutingStatus.Ok));
        Assert.Equal(36, results.Count(r => r == RoutingStatus.Backpressure));
        Assert.True(h.Engine.TryGetQueueStatistics(new QueueSlot(1), out var stats));
        Assert.Equal(64, stats.Waiting);
    }

    [Fact]
    public void Enqueue_AlreadyWaited_KeepsItsPlaceAheadOfNewer()
    {
        using var h = new Harness(b => Queue(b, 1));
        h.Enqueue(100, 1);
        Assert.True(h.Engine.Enqueue(new InteractionRequest(new InteractionSlot(101), new QueueSlot(1)) { AlreadyWaited = TimeSpan.FromMinutes(1) }).IsSuccess);
        Assert.True(h.Engine.TryGetWaitEstimate(new InteractionSlot(101), out var e));
        Assert.Equal(1, e.Position);
        Assert.Equal(TimeSpan.FromMinutes(1), e.Waited);
    }

    [Fact]
    public void RemoveAgent_AddedBackWhileHoldingWork_WorkStillCountsAgainstCapacity()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); });
        h.Enqueue(1, 1);
        h.Accept(h.Events.Last);
        Assert.Equal(RoutingStatus.Ok, h.Engine.RemoveAgent(new AgentSlot(7)).Status);

        h.Engine.AddOrUpdateAgent(new AgentOptions { Id = new AgentSlot(7), Tenants = { T1 }, InitialPresence = AgentPresence.Available });
        h.Enqueue(2, 1);

        Assert.Single(h.Events.Offers);
        Assert.Equal(1, h.Agent(7).Load);
        h.Complete(1);
        Assert.Equal((new InteractionSlot(2), new AgentSlot(7)), (h.Events.Last.Interaction, h.Events.Last.Agent));
        Assert.Equal(1, h.Agent(7).Load);
    }

    [Fact]
    public void RemoveAgent_WorkCompletedBeforeAddedBack_AddedBackWithFullCapacity()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); });
        h.Enqueue(1, 1);
        h.Accept(h.Events.Last);
        h.Engine.RemoveAgent(new AgentSlot(7));
        h.Complete(1);

        h.Engine.AddOrUpdateAgent(new AgentOptions { Id = new AgentSlot(7), Tenants = { T1 }, InitialPresence = AgentPresence.Available });
        h.Enqueue(2, 1);

        Assert.Equal((new InteractionSlot(2), new AgentSlot(7)), (h.Events.Last.Interaction, h.Events.Last.Agent));
    }
}
