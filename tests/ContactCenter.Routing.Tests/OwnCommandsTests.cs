using ContactCenter.Routing;
using ContactCenter.Routing.Internal;
using static ContactCenter.Routing.Tests.Harness;

namespace ContactCenter.Routing.Tests;

/// <summary>A thread's synchronous calls always see the commands it posted before them.</summary>
public class OwnCommandsTests
{
    /// <summary>
    /// Simulates another producer preempted between claiming its ring slot and publishing it: commands posted
    /// after that slot are published but cannot be read past the gap until it is filled.
    /// </summary>
    private static Task FillGapLater(RoutingEngine engine, long slot) => Task.Run(async () =>
    {
        // The delay stands for the preemption; the synchronous call must wait for it, never answer without.
        await Task.Delay(50);
        engine.Ring.Publish(slot, new Command { Kind = CommandKind.Tick });
    });

    [Fact]
    public async Task Cancel_AfterOwnEnqueueBehindUnpublishedCommand_CancelsAndNoOfferFollows()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); });
        Assert.True(h.Engine.SetAgentPresence(new AgentSlot(7), AgentPresence.Break).IsSuccess);
        Assert.True(h.Engine.Ring.TryClaim(out long gap));
        h.Enqueue(1, 1);
        var fill = FillGapLater(h.Engine, gap);

        var cancelled = h.Engine.Cancel(new InteractionSlot(1));
        await fill.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        h.Available(7);

        Assert.Equal(RoutingStatus.Ok, cancelled.Status);
        Assert.Empty(h.Events.Offers);
        Assert.Equal(AgentStatus.Available, h.Agent(7).Status);
    }

    [Fact]
    public async Task TryGetAgent_AfterOwnPresenceChangeBehindUnpublishedCommand_ReportsNewPresence()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); });
        Assert.True(h.Engine.Ring.TryClaim(out long gap));
        Assert.True(h.Engine.SetAgentPresence(new AgentSlot(7), AgentPresence.Break, "lunch").IsSuccess);
        var fill = FillGapLater(h.Engine, gap);

        Assert.True(h.Engine.TryGetAgent(new AgentSlot(7), out var agent));
        await fill.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(AgentStatus.Break, agent.Status);
    }

    [Fact]
    public void Cancel_FromHandlerAfterItsOwnEnqueue_CancelsAndNoOfferFollows()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); Agent(b, 8); });
        RoutingStatus? cancelled = null;
        h.Events.React = e =>
        {
            if (e.Interaction.Value == 1)
            {
                // Runs on the matching loop: the enqueue waits in the ring, the cancel must apply it first.
                h.Engine.Enqueue(new InteractionRequest(new InteractionSlot(2), new QueueSlot(1)));
                cancelled = h.Engine.Cancel(new InteractionSlot(2)).Status;
            }
        };

        h.Enqueue(1, 1);

        Assert.Equal(RoutingStatus.Ok, cancelled);
        Assert.DoesNotContain(h.Events.Live(), o => o.Interaction.Value == 2);
        Assert.Equal(AgentStatus.Available, h.Agent(h.OfferOf(1).Agent.Value == 7 ? 8 : 7).Status);
    }

    [Fact]
    public void TryGetAgent_FromHandlerAfterItsOwnPresenceChange_ReportsNewPresence()
    {
        using var h = new Harness(b => { Queue(b, 1); Agent(b, 7); Agent(b, 8); });
        AgentStatus? seen = null;
        h.Events.React = e =>
        {
            h.Engine.SetAgentPresence(new AgentSlot(8), AgentPresence.Break, "lunch");
            seen = h.Engine.TryGetAgent(new AgentSlot(8), out var s) ? s.Status : null;
        };

        h.Enqueue(1, 1, preferred: 7);

        Assert.Equal(AgentStatus.Break, seen);
    }
}
