using ContactCenter.Routing;
using static ContactCenter.Routing.Tests.Harness;

namespace ContactCenter.Routing.Tests;

public class AgingAndFairnessTests
{
    private static Harness OneAgentOnBreak(Action<RoutingBuilder> queues) => new(b =>
    {
        queues(b);
        b.AddAgent(new AgentSlot(7), a => { a.Tenants.Add(T1); a.InitialPresence = AgentPresence.Break; });
    });

    [Fact]
    public void AgentFreed_SamePriority_OldestFirst()
    {
        using var h = OneAgentOnBreak(b => Queue(b, 1));
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(1));
        h.Enqueue(101, 1);
        h.Available(7);
        Assert.Equal(new InteractionSlot(100), h.Events.Last.Interaction);
    }

    [Fact]
    public void AgentFreed_HigherPriorityWaitedLess_HigherPriorityFirst()
    {
        using var h = OneAgentOnBreak(b => Queue(b, 1, q => q.PriorityStep = TimeSpan.FromSeconds(60)));
        h.Enqueue(100, 1, priority: 0);
        h.Advance(TimeSpan.FromSeconds(30));
        h.Enqueue(101, 1, priority: 1);
        h.Available(7);
        Assert.Equal(new InteractionSlot(101), h.Events.Last.Interaction);
    }

    [Fact]
    public void Aging_LowPriorityWaitedLongerThanStep_OvertakesHigherPriority()
    {
        using var h = OneAgentOnBreak(b => Queue(b, 1, q => q.PriorityStep = TimeSpan.FromSeconds(60)));
        h.Enqueue(100, 1, priority: 0);
        h.Advance(TimeSpan.FromSeconds(61));
        h.Enqueue(101, 1, priority: 1);
        h.Available(7);
        Assert.Equal(new InteractionSlot(100), h.Events.Last.Interaction);
    }

    [Fact]
    public void AgingNone_LowPriorityWaitedHours_HigherPriorityStillFirst()
    {
        using var h = OneAgentOnBreak(b => Queue(b, 1, q => q.Aging = AgingRule.None));
        h.Enqueue(100, 1, priority: 0);
        h.Advance(TimeSpan.FromHours(5));
        h.Enqueue(101, 1, priority: 1);
        h.Available(7);
        Assert.Equal(new InteractionSlot(101), h.Events.Last.Interaction);
    }

    [Fact]
    public void Fairness_TwoQueuesEqualWeight_OldestAcrossQueuesFirst()
    {
        using var h = OneAgentOnBreak(b => { Queue(b, 1); Queue(b, 2); });
        h.Enqueue(200, 2);
        h.Advance(TimeSpan.FromSeconds(5));
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(5));
        h.Enqueue(201, 2);
        h.Available(7);
        h.Accept(h.Events.Last);
        h.Complete(h.Events.Last.Interaction.Value);
        h.Accept(h.Events.Last);
        h.Complete(h.Events.Last.Interaction.Value);
        Assert.Equal([200L, 100L, 201L], h.Events.Offers.Select(o => o.Interaction.Value));
    }

    [Fact]
    public void Fairness_WeightedQueue_WeightTimesWaitWins()
    {
        // Queue 2 has weight 3: its 10 s wait counts as 30 s against queue 1's 20 s.
        using var h = OneAgentOnBreak(b => { Queue(b, 1); Queue(b, 2, q => q.Weight = 3); });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromSeconds(10));
        h.Enqueue(200, 2);
        h.Advance(TimeSpan.FromSeconds(10));
        h.Available(7);
        Assert.Equal(new InteractionSlot(200), h.Events.Last.Interaction);
        Assert.Equal(30, h.Events.Last.Explanation.Score, 3);
        Assert.Equal(20, h.Events.Last.Explanation.RunnerUpScore, 3);
        Assert.Equal(2, h.Events.Last.Explanation.Candidates);
    }

    [Fact]
    public void Fairness_ManyInteractionsTwoQueues_ServedInVirtualArrivalOrder()
    {
        using var h = OneAgentOnBreak(b => { Queue(b, 1); Queue(b, 2); });
        var expected = new List<long>();
        for (int i = 0; i < 20; i++)
        {
            long id = 1000 + i;
            h.Enqueue(id, i % 3 == 0 ? 2 : 1);
            expected.Add(id);
            h.Advance(TimeSpan.FromSeconds(1));
        }

        h.Available(7);
        for (int i = 0; i < 20; i++)
        {
            var o = h.Events.Last;
            h.Accept(o);
            h.Complete(o.Interaction.Value);
        }

        Assert.Equal(expected, h.Events.Offers.Select(o => o.Interaction.Value));
    }

    [Fact]
    public void Fairness_FiftyQueuesRandomPriorities_ServedInGlobalVirtualArrivalOrder()
    {
        using var h = OneAgentOnBreak(b =>
        {
            for (int q = 1; q <= 50; q++)
            {
                Queue(b, q, o => o.PriorityStep = TimeSpan.FromSeconds(10));
            }
        });
        var rnd = new Random(5);
        var expected = new List<(long Key, long Seq, long Id)>();
        for (int i = 0; i < 300; i++)
        {
            int priority = rnd.Next(4);
            h.Enqueue(1000 + i, 1 + rnd.Next(50), priority);
            expected.Add(((i * 1_000_000L) - (priority * 100_000_000L), i, 1000 + i));
            h.Advance(TimeSpan.FromSeconds(0.1));
        }

        h.Available(7);
        for (int i = 0; i < 300; i++)
        {
            var o = h.Events.Last;
            h.Accept(o);
            h.Complete(o.Interaction.Value);
        }

        Assert.Equal(expected.OrderBy(e => e.Key).ThenBy(e => e.Seq).Select(e => e.Id), h.Events.Offers.Select(o => o.Interaction.Value));
    }
}
