using System.Collections.Concurrent;
using System.Diagnostics;
using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Routing.Tests;

public class ConcurrencyStressTests
{
    private const int Agents = 48;

    internal static RoutingOptions StressOptions(Random rnd)
    {
        var o = new RoutingOptions
        {
            OfferTimeout = TimeSpan.FromSeconds(5),
            DeclineCooldown = TimeSpan.FromSeconds(1),
            MissedOffersBeforeAway = 2,
            CommandCapacity = 1 << 12,
        };
        var t1 = new TenantSlot(1);
        var t2 = new TenantSlot(2);
        o.Queues.Add(new QueueOptions { Id = new QueueSlot(1), Tenant = t1, Media = RoutingMedia.Voice, WrapUpTime = TimeSpan.FromSeconds(2) });
        o.Queues.Add(new QueueOptions { Id = new QueueSlot(2), Tenant = t1, Media = RoutingMedia.Chat, MaxLength = 40, WhenFull = QueueFallback.Overflow, OverflowQueue = new QueueSlot(6) });
        o.Queues.Add(new QueueOptions { Id = new QueueSlot(3), Tenant = t2, Media = RoutingMedia.Voice, Strategy = new RingAllStrategyOptions { MaxAgents = 3 } });
        o.Queues.Add(new QueueOptions { Id = new QueueSlot(4), Tenant = t2, Media = RoutingMedia.Chat, Strategy = new LeastOccupiedStrategyOptions(), MaxLength = 30 });
        var q5 = new QueueOptions { Id = new QueueSlot(5), Tenant = t1, Media = RoutingMedia.Voice, Language = "de" };
        q5.RequiredSkills.Add(new SkillRequirement(new SkillSlot(1), 7));
        q5.Escalation.Add(new EscalationStep { AfterWait = TimeSpan.FromSeconds(3), LowerLevelsBy = 4 });
        q5.Escalation.Add(new EscalationStep { AfterWait = TimeSpan.FromSeconds(6), IgnoreLanguage = true, RemoveSkills = { new SkillSlot(1) } });
        o.Queues.Add(q5);
        o.Queues.Add(new QueueOptions { Id = new QueueSlot(6), Tenant = t1, Media = RoutingMedia.Chat, Strategy = new WeightedRandomStrategyOptions { Seed = 7 } });

        for (int i = 1; i <= Agents; i++)
        {
            var a = new AgentOptions { Id = new AgentSlot(i), InitialPresence = AgentPresence.Available, Weight = 1 + (i % 3) };
            switch (i % 3)
            {
                case 0: a.Tenants.Add(t1); break;
                case 1: a.Tenants.Add(t2); break;
                default: a.Tenants.Add(t1); a.Tenants.Add(t2); break;
            }

            a.Capacity.Voice = 1;
            a.Capacity.Chat = rnd.Next(0, 4);
            a.CallInterruptsChats = rnd.Next(2) == 0;
            a.Skills.Add(new AgentSkill(new SkillSlot(1), rnd.Next(0, 10)));
            a.Languages.Add(rnd.Next(3) == 0 ? "de" : "en");
            o.Agents.Add(a);
        }

        return o;
    }

    [Fact]
    public void Stress_FourThreadsMillionRandomOperations_InvariantsHoldAndNothingLost()
    {
        const int threads = 4;
        const int opsPerThread = 300_000;
        var setupRandom = new Random(1234);
        var options = StressOptions(setupRandom);
        var checker = new InvariantChecker(options.Agents, options.Queues, Agents);
        var time = new FakeTimeProvider();
        using var engine = RoutingEngine.Create(options, checker, time);

        long nextId = 0, enqueued = 0, cancelled = 0, completed = 0, operations = 0;
        var recent = new ConcurrentQueue<long>();
        var toComplete = new ConcurrentQueue<(long Id, RoutingMedia Media)>();
        var queueOf = new ConcurrentDictionary<long, int>();
        var sw = Stopwatch.StartNew();

        void Worker(int seed)
        {
            var rnd = new Random(seed);
            long ops = 0;
            for (int i = 0; i < opsPerThread; i++)
            {
                int r = rnd.Next(100);
                if (r < 28)
                {
                    long id = Interlocked.Increment(ref nextId);
                    int queue = 1 + rnd.Next(6);
                    queueOf[id] = queue;
                    var result = engine.Enqueue(new InteractionRequest(new InteractionSlot(id), new QueueSlot(queue))
                    {
                        Priority = rnd.Next(4),
                        PreferredAgent = rnd.Next(10) == 0 ? new AgentSlot(1 + rnd.Next(Agents)) : null,
                        PreferredAgentTimeout = TimeSpan.FromSeconds(2),
                    });
                    if (result.Status == RoutingStatus.Backpressure)
                    {
                        queueOf.TryRemove(id, out _);
                        continue;
                    }

                    Assert.True(result.IsSuccess, result.Status.ToString());
                    Interlocked.Increment(ref enqueued);
                    recent.Enqueue(id);
                }
                else if (r < 55)
                {
                    if (!checker.Offers.TryDequeue(out var offer))
                    {
                        continue;
                    }

                    if (rnd.Next(100) < 85)
                    {
                        if (engine.Accept(offer.Offer).IsSuccess)
                        {
                            checker.Accepted(offer);
                            toComplete.Enqueue((offer.Interaction.Value, offer.Media));
                        }
                    }
                    else
                    {
                        engine.Decline(offer.Offer);
                    }
                }
                else if (r < 80)
                {
                    if (toComplete.TryDequeue(out var work) && checker.Finish(work.Id, work.Media))
                    {
                        Assert.True(engine.Complete(new InteractionSlot(work.Id)).IsSuccess);
                        Interlocked.Increment(ref completed);
                    }
                }
                else if (r < 86)
                {
                    if (recent.TryDequeue(out long id) && engine.Cancel(new InteractionSlot(id)).IsSuccess)
                    {
                        Interlocked.Increment(ref cancelled);
                    }
                }
                else if (r < 96)
                {
                    int p = rnd.Next(100);
                    var presence = p < 80 ? AgentPresence.Available : p < 95 ? AgentPresence.Break : AgentPresence.Offline;
                    engine.SetAgentPresence(new AgentSlot(1 + rnd.Next(Agents)), presence, "stress");
                }
                else if (seed == 0)
                {
                    time.Advance(TimeSpan.FromMilliseconds(500));
                }
                else
                {
                    engine.ProcessTimers();
                }

                ops++;
            }

            Interlocked.Add(ref operations, ops);
        }

        var workers = Enumerable.Range(0, threads).Select(s => new Thread(() => Worker(s)) { IsBackground = true }).ToArray();
        foreach (var w in workers)
        {
            w.Start();
        }

        foreach (var w in workers)
        {
            Assert.True(w.Join(TimeSpan.FromSeconds(50)), "a worker did not finish within 50 s (phase: random operations)");
        }

        Assert.Empty(checker.Violations);
        Assert.True(operations >= 1_000_000, $"only {operations} operations ran");

        // Drain: everyone available, every offer accepted, every interaction completed, until nothing waits.
        for (int i = 1; i <= Agents; i++)
        {
            engine.SetAgentPresence(new AgentSlot(i), AgentPresence.Available);
        }

        for (int round = 0; round < 10_000; round++)
        {
            bool progress = false;
            while (checker.Offers.TryDequeue(out var offer))
            {
                if (engine.Accept(offer.Offer).IsSuccess)
                {
                    checker.Accepted(offer);
                    toComplete.Enqueue((offer.Interaction.Value, offer.Media));
                }

                progress = true;
            }

            while (toComplete.TryDequeue(out var work))
            {
                if (checker.Finish(work.Id, work.Media))
                {
                    Assert.True(engine.Complete(new InteractionSlot(work.Id)).IsSuccess);
                    completed++;
                }

                progress = true;
            }

            int waiting = 0;
            for (int q = 1; q <= 6; q++)
            {
                Assert.True(engine.TryGetQueueStatistics(new QueueSlot(q), out var s));
                waiting += s.Waiting;
            }

            if (!progress && waiting == 0 && checker.Connected.IsEmpty)
            {
                break;
            }

            for (int i = 1; i <= Agents; i++)
            {
                engine.SetAgentPresence(new AgentSlot(i), AgentPresence.Available);
            }

            time.Advance(TimeSpan.FromSeconds(3));
        }

        Assert.Empty(checker.Violations);
        for (long id = 1; id <= nextId; id++)
        {
            Assert.False(engine.TryGetWaitEstimate(new InteractionSlot(id), out _), $"interaction {id} still waits after the drain");
        }

        // Never lost: every accepted enqueue ended exactly one way.
        Assert.Equal(enqueued, checker.Rejected + cancelled + completed);
        for (int a = 1; a <= Agents; a++)
        {
            Assert.Equal(0, checker.HeldBy(a, RoutingMedia.Voice));
            Assert.Equal(0, checker.HeldBy(a, RoutingMedia.Chat));
        }

        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(55), $"took {sw.Elapsed}");
        TestContext.Current.SendDiagnosticMessage($"stress: {operations:N0} operations, {enqueued:N0} interactions, {checker.OffersMade:N0} offers in {sw.Elapsed}");
    }
}
