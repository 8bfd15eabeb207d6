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
            Queue(b, q, o => o.RequiredSkills.Add(new SkillRequirement(new SkillId(q), 1)));
        }

        for (int a = 1; a <= 16; a++)
        {
            int id = a;
            b.AddAgent(new AgentId(a), o =>
            {
                o.Tenants.Add(T1);
                o.Skills.Add(new AgentSkill(new SkillId(1 + (id % 4)), 3));
                o.Skills.Add(new AgentSkill(new SkillId(1 + ((id + 1) % 4)), 3));
                o.InitialPresence = AgentPresence.Available;
            });
        }

        using var engine = b.Build(handler, new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        void Cycle(long i)
        {
            engine.Enqueue(new InteractionRequest(new InteractionId(i), new QueueId(1 + (int)(i % 4))));
            engine.Accept(handler.Last);
            engine.Complete(new InteractionId(i));
        }

        for (long i = 0; i < 20_000; i++)
        {
            Cycle(i);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long i = 20_000; i < 120_000; i++)
        {
            Cycle(i);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
