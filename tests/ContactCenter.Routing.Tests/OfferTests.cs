using ContactCenter.Routing;
using static ContactCenter.Routing.Tests.Harness;

namespace ContactCenter.Routing.Tests;

public class OfferTests
{
    [Fact]
    public void Offer_TimesOutOnClock_InteractionBackAtOriginalPlace()
    {
        using var h = new Harness(b =>
        {
            b.Configure(o => o.OfferTimeout = TimeSpan.FromSeconds(15));
            Queue(b, 1);
            Agent(b, 7);
        });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(1));
        h.Enqueue(101, 1);
        h.Advance(TimeSpan.FromSeconds(14));
        var ended = Assert.Single(h.Events.Ended);
        Assert.Equal(OfferEndReason.TimedOut, ended.Reason);
        Assert.True(h.Engine.TryGetWaitEstimate(new InteractionSlot(100), out var est));
        Assert.Equal(1, est.Position);
        Assert.Equal(TimeSpan.FromSeconds(15), est.Waited);
    }

    [Fact]
    public void Decline_OtherAgentAvailable_OfferedToOtherAgent()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); Agent(b, 8); });
        h.Enqueue(100, 1);
        var first = h.Events.Last;
        Assert.True(h.Engine.Decline(first.Offer).IsSuccess);
        var second = h.Events.Last;
        Assert.NotEqual(first.Agent, second.Agent);
        Assert.Equal(first.Interaction, second.Interaction);
        Assert.Equal(OfferEndReason.Declined, Assert.Single(h.Events.Ended).Reason);
    }

    [Fact]
    public void Decline_OnlyAgent_ReofferedAfterCooldown()
    {
        using var h = new Harness(b => { b.Configure(o => o.DeclineCooldown = TimeSpan.FromSeconds(5)); Queue(b, 1); Agent(b, 7); });
        h.Enqueue(100, 1);
        h.Enqueue(101, 1);
        Assert.True(h.Engine.Decline(new InteractionSlot(100), new AgentSlot(7)).IsSuccess);

        // The agent is offered the next one meanwhile; 100 keeps its place at the head.
        Assert.Equal(new InteractionSlot(101), h.Events.Last.Interaction);
        Assert.True(h.Engine.Decline(h.Events.Last.Offer).IsSuccess);
        Assert.Equal(2, h.Events.Offers.Count);
        h.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(new InteractionSlot(100), h.Events.Last.Interaction);
    }

    [Fact]
    public void Offer_OnlyAgentLetsItLapse_ReofferedAfterCooldown()
    {
        using var h = new Harness(b =>
        {
            b.Configure(o => { o.OfferTimeout = TimeSpan.FromSeconds(5); o.DeclineCooldown = TimeSpan.FromSeconds(5); o.MissedOffersBeforeAway = 0; });
            Queue(b, 1);
            Agent(b, 7);
        });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(6));
        Assert.Single(h.Events.Offers);
        h.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(2, h.Events.Offers.Count);
        Assert.Equal(new InteractionSlot(100), h.Events.Last.Interaction);
    }

    [Fact]
    public void Offer_MissedThreeTimes_AgentMarkedAway()
    {
        using var h = new Harness(b =>
        {
            b.Configure(o => { o.OfferTimeout = TimeSpan.FromSeconds(10); o.MissedOffersBeforeAway = 3; o.DeclineCooldown = TimeSpan.Zero; });
            Queue(b, 1);
            Agent(b, 7);
        });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(10));
        h.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(AgentStatus.Busy, h.Agent(7).Status);
        h.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(AgentStatus.Away, h.Agent(7).Status);
        Assert.Equal(3, h.Events.Ended.Count(e => e.Reason == OfferEndReason.TimedOut));
        Assert.Contains(h.Events.Status, s => s.Current == AgentStatus.Away);
        h.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, h.Events.Offers.Count);
    }

    [Fact]
    public void Accept_AfterTimeout_OfferNotFound()
    {
        using var h = new Harness(b => { b.Configure(o => o.OfferTimeout = TimeSpan.FromSeconds(10)); Queue(b, 1); Agent(b, 7); });
        h.Enqueue(100, 1);
        var offer = h.Events.Last;
        h.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(RoutingStatus.OfferNotFound, h.Engine.Accept(offer.Offer).Status);
    }

    [Fact]
    public void Accept_IsFinal_LaterDeclineAndTimeoutDoNothing()
    {
        using var h = new Harness(b => { b.Configure(o => o.OfferTimeout = TimeSpan.FromSeconds(10)); Queue(b, 1); Agent(b, 7); });
        h.Enqueue(100, 1);
        var offer = h.Events.Last;
        h.Accept(offer);
        Assert.True(h.Engine.Decline(offer.Offer).IsSuccess);
        Assert.Equal(RoutingStatus.OfferNotFound, Assert.Single(h.Events.Failed).Status);
        h.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(h.Events.Ended);
        Assert.Equal(RoutingStatus.OfferNotFound, h.Engine.Accept(offer.Offer).Status);
        Assert.True(h.Engine.TryGetQueueStatistics(new QueueSlot(1), out var s));
        Assert.Equal(1, s.Answered);
        Assert.Equal(1, s.AnsweredWithinTarget);
    }

    [Fact]
    public void Offer_QueueTimeoutOverridesDefault()
    {
        using var h = new Harness(b => { Queue(b, 1, q => q.OfferTimeout = TimeSpan.FromSeconds(3)); Agent(b, 7); });
        h.Enqueue(100, 1);
        Assert.Equal(TimeSpan.FromSeconds(3), h.Events.Last.Timeout);
        h.Advance(TimeSpan.FromSeconds(3));
        Assert.Single(h.Events.Ended);
    }

    [Fact]
    public void ProcessTimers_ManualTimers_FiresDueTimeouts()
    {
        using var h = new Harness(b =>
        {
            b.Configure(o => { o.AutomaticTimers = false; o.OfferTimeout = TimeSpan.FromSeconds(10); });
            Queue(b, 1);
            Agent(b, 7);
        });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(11));
        Assert.Empty(h.Events.Ended);
        Assert.True(h.Engine.ProcessTimers().IsSuccess);
        Assert.Single(h.Events.Ended);
    }
}
