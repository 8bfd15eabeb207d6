using ContactCenter.Routing;
using static ContactCenter.Routing.Tests.Harness;

namespace ContactCenter.Routing.Tests;

public class AllocationTests
{
    private sealed class AcceptingHandler : RoutingHandler
    {
        public OfferId Last;

        public override void OnOffer(in OfferEventArgs e) => Last = e.Offer;
    }

    [Fact]
    public void SteadyState_EnqueueAcceptComplete_AllocatesNothing()
    {
        var handler = new AcceptingHandler();
        var b = new RoutingBuilder();
        for (int q = 1; q <= 4; q++)
        {
            Queue(b, q, o => o.RequiredSkills.Add(new SkillRequirement(new SkillSlot(q), 1)));
        }

        for (int a = 1; a <= 16; a++)
        {
            int id = a;
            b.AddAgent(new AgentSlot(a), o =>
            {
                o.Tenants.Add(T1);
                o.Skills.Add(new AgentSkill(new SkillSlot(1 + (id % 4)), 3));
                o.Skills.Add(new AgentSkill(new SkillSlot(1 + ((id + 1) % 4)), 3));
                o.InitialPresence = AgentPresence.Available;
            });
        }

        // No engine timer: on the fake clock nothing would fire anyway, and no other thread may run the loop.
        b.Options.AutomaticTimers = false;
        using var engine = b.Build(handler, new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        void Cycle(long i)
        {
            engine.Enqueue(new InteractionRequest(new InteractionSlot(i), new QueueSlot(1 + (int)(i % 4))));
            engine.Accept(handler.Last);
            engine.Complete(new InteractionSlot(i));
        }

        // Warm up every path (tier-0 and tier-1 code, pools, free lists) on this thread before measuring.
        long next = 0;
        for (; next < 50_000; next++)
        {
            Cycle(next);
        }

        // Several rounds, each counted on this thread only (other tests' threads never show up). One-off runtime
        // work (a method promoted by tiered compilation, on-stack replacement of this loop) can land in one
        // round; an allocation per operation would show in every round of 20,000 cycles.
        var rounds = new long[5];
        for (int r = 0; r < rounds.Length; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (long end = next + 20_000; next < end; next++)
            {
                Cycle(next);
            }

            rounds[r] = GC.GetAllocatedBytesForCurrentThread() - before;
            if (rounds[r] == 0)
            {
                return;
            }
        }

        Assert.Fail($"Every round of 20,000 enqueue/accept/complete cycles allocated: {string.Join(", ", rounds)} bytes.");
    }
}
