using ContactCenter.Routing;
using static ContactCenter.Routing.Tests.Harness;

namespace ContactCenter.Routing.Tests;

public class EscalationTests
{
    [Fact]
    public void Escalation_AfterWait_RemovesSkillAndOffersToGeneralist()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1, q =>
            {
                q.RequiredSkills.Add(new SkillRequirement(Billing, 1));
                q.Escalation.Add(new EscalationStep { AfterWait = TimeSpan.FromSeconds(30), RemoveSkills = { Billing } });
            });
            Agent(b, 7, Sales);
        });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(h.Events.Offers);
        h.Advance(TimeSpan.FromSeconds(1));
        var offer = Assert.Single(h.Events.Offers);
        Assert.Equal(1, offer.Explanation.EscalationStep);
        Assert.Equal(1, Assert.Single(h.Events.Escalated).Step);
    }

    [Fact]
    public void Escalation_TwoSteps_LowersLevelThenDropsLanguage()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1, q =>
            {
                q.Language = "fr";
                q.RequiredSkills.Add(new SkillRequirement(Sales, 8));
                q.Escalation.Add(new EscalationStep { AfterWait = TimeSpan.FromSeconds(20), LowerLevelsBy = 3 });
                q.Escalation.Add(new EscalationStep { AfterWait = TimeSpan.FromSeconds(60), IgnoreLanguage = true });
            });
            Agent(b, 7, Sales); // level 5, speaks en only
        });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(20));
        Assert.Empty(h.Events.Offers);
        Assert.Single(h.Events.Escalated);
        h.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(2, Assert.Single(h.Events.Offers).Explanation.EscalationStep);
    }

    [Fact]
    public void Escalation_OverflowAfterWait_MovesToOtherQueueKeepingAge()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 2);
            Queue(b, 1, q =>
            {
                q.RequiredSkills.Add(new SkillRequirement(Billing, 1));
                q.Escalation.Add(new EscalationStep { AfterWait = TimeSpan.FromSeconds(45), OverflowTo = new QueueSlot(2) });
            });
            Agent(b, 7);
        });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(45));
        var move = Assert.Single(h.Events.Moved);
        Assert.Equal((new QueueSlot(1), new QueueSlot(2), MoveReason.Escalation), (move.From, move.To, move.Reason));
        var offer = Assert.Single(h.Events.Offers);
        Assert.Equal(new QueueSlot(2), offer.Queue);
        Assert.Equal(TimeSpan.FromSeconds(45), offer.Waited);
    }

    [Fact]
    public void Escalation_QueueLong_NewArrivalOverflows()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 2);
            Queue(b, 1, q => q.Escalation.Add(new EscalationStep { QueueLengthAtLeast = 2, OverflowTo = new QueueSlot(2) }));
        });
        h.Enqueue(100, 1);
        h.Enqueue(101, 1);
        h.Enqueue(102, 1);
        Assert.Equal(new InteractionSlot(102), Assert.Single(h.Events.Moved).Interaction);
        Assert.True(h.Engine.TryGetWaitEstimate(new InteractionSlot(102), out var est));
        Assert.Equal(new QueueSlot(2), est.Queue);
    }

    [Fact]
    public void QueueFull_RejectFallback_Rejected()
    {
        using var h = new Harness(b => Queue(b, 1, q => q.MaxLength = 1));
        h.Enqueue(100, 1);
        h.Enqueue(101, 1);
        var r = Assert.Single(h.Events.Rejected);
        Assert.Equal((RejectReason.QueueFull, QueueFallback.Reject), (r.Reason, r.Fallback));
    }

    [Fact]
    public void QueueFull_OverflowFallback_MovedToOverflowQueue()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 2);
            Queue(b, 1, q => { q.MaxLength = 1; q.WhenFull = QueueFallback.Overflow; q.OverflowQueue = new QueueSlot(2); });
        });
        h.Enqueue(100, 1);
        h.Enqueue(101, 1);
        Assert.Equal(MoveReason.QueueFull, Assert.Single(h.Events.Moved).Reason);
        Assert.Empty(h.Events.Rejected);
    }

    [Fact]
    public void NoAgentsLoggedIn_CallbackFallback_OffersCallback()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1, q => q.WhenNoAgents = QueueFallback.OfferCallback);
            b.AddAgent(new AgentSlot(7), a => a.Tenants.Add(T1));
        });
        h.Enqueue(100, 1);
        var r = Assert.Single(h.Events.Rejected);
        Assert.Equal((RejectReason.NoAgentsLoggedIn, QueueFallback.OfferCallback), (r.Reason, r.Fallback));

        // Logged in but on a break still staffs the queue: the interaction waits.
        Assert.True(h.Engine.SetAgentPresence(new AgentSlot(7), AgentPresence.Break, "coffee").IsSuccess);
        h.Enqueue(101, 1);
        Assert.Single(h.Events.Rejected);
    }

    [Fact]
    public void OverflowChainLoop_Rejected()
    {
        using var h = new Harness(b =>
        {
            b.AddQueue(new QueueSlot(1), T1, q => { q.MaxLength = 1; q.WhenFull = QueueFallback.Overflow; q.OverflowQueue = new QueueSlot(2); });
            b.AddQueue(new QueueSlot(2), T1, q => { q.MaxLength = 1; q.WhenFull = QueueFallback.Overflow; q.OverflowQueue = new QueueSlot(1); });
        });
        h.Enqueue(100, 1);
        h.Enqueue(101, 2);
        h.Enqueue(102, 1);
        Assert.Equal(RejectReason.OverflowLoop, Assert.Single(h.Events.Rejected).Reason);
    }
}
