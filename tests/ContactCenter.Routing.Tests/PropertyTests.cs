using ContactCenter.Routing;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Routing.Tests;

public class PropertyTests
{
    /// <summary>
    /// Random operation sequences (CsCheck shrinks a failing one to a minimal sequence) on one thread and a fake
    /// clock: after every step the invariants hold, and after a drain every interaction ended exactly one way.
    /// </summary>
    [Fact]
    public void RandomOperationSequences_InvariantsHoldAndEveryInteractionEndsOnce()
    {
        var op = Gen.Select(Gen.Int[0, 99], Gen.Int[0, 1_000_000]);
        op.Array[20, 250].Sample(ops => Run(ops), iter: 150, threads: 1);
    }

    private static void Run((int Kind, int Arg)[] ops)
    {
        var options = ConcurrencyStressTests.StressOptions(new Random(ops.Length));
        var checker = new InvariantChecker(options.Agents, options.Queues, 48);
        var time = new FakeTimeProvider();
        using var engine = RoutingEngine.Create(options, checker, time);
        long nextId = 0, enqueued = 0, done = 0;
        var live = new List<(long Id, RoutingMedia Media)>();
        var recent = new List<long>();
        foreach (var (kind, arg) in ops)
        {
            if (kind < 30)
            {
                long id = ++nextId;
                var r = engine.Enqueue(new InteractionRequest(new InteractionSlot(id), new QueueSlot(1 + (arg % 6)))
                {
                    Priority = arg % 5,
                    PreferredAgent = arg % 7 == 0 ? new AgentSlot(1 + (arg % 48)) : null,
                });
                Assert.True(r.IsSuccess);
                enqueued++;
                recent.Add(id);
            }
            else if (kind < 55)
            {
                if (checker.Offers.TryDequeue(out var offer))
                {
                    if (arg % 5 != 0)
                    {
                        if (engine.Accept(offer.Offer).IsSuccess)
                        {
                            checker.Accepted(offer);
                            live.Add((offer.Interaction.Value, offer.Media));
                        }
                    }
                    else
                    {
                        engine.Decline(offer.Offer);
                    }
                }
            }
            else if (kind < 75)
            {
                if (live.Count > 0)
                {
                    var w = live[arg % live.Count];
                    live.Remove(w);
                    Assert.True(checker.Finish(w.Id, w.Media));
                    engine.Complete(new InteractionSlot(w.Id));
                    done++;
                }
            }
            else if (kind < 82)
            {
                if (recent.Count > 0 && engine.Cancel(new InteractionSlot(recent[arg % recent.Count])).IsSuccess)
                {
                    done++;
                }
            }
            else if (kind < 92)
            {
                var presence = (AgentPresence)(arg % 3);
                engine.SetAgentPresence(new AgentSlot(1 + (arg % 48)), presence, "p");
            }
            else
            {
                time.Advance(TimeSpan.FromMilliseconds(arg % 7000));
            }

            Assert.Empty(checker.Violations);
        }

        for (int a = 1; a <= 48; a++)
        {
            engine.SetAgentPresence(new AgentSlot(a), AgentPresence.Available);
        }

        for (int round = 0; round < 200; round++)
        {
            while (checker.Offers.TryDequeue(out var offer))
            {
                if (engine.Accept(offer.Offer).IsSuccess)
                {
                    checker.Accepted(offer);
                    live.Add((offer.Interaction.Value, offer.Media));
                }
            }

            foreach (var w in live)
            {
                Assert.True(checker.Finish(w.Id, w.Media));
                engine.Complete(new InteractionSlot(w.Id));
                done++;
            }

            live.Clear();
            for (int a = 1; a <= 48; a++)
            {
                engine.SetAgentPresence(new AgentSlot(a), AgentPresence.Available);
            }

            time.Advance(TimeSpan.FromSeconds(3));
        }

        Assert.Empty(checker.Violations);
        Assert.Equal(enqueued, done + checker.Rejected);
    }
}
