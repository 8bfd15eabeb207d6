using ContactCenter.Routing;
using static ContactCenter.Routing.Tests.Harness;

namespace ContactCenter.Routing.Tests;

public class TenantAndCapacityTests
{
    [Fact]
    public void TenantIsolation_OnlyOtherTenantAgentAvailable_NeverOffered()
    {
        using var h = new Harness(b =>
        {
            b.AddQueue(new QueueSlot(2), T2);
            Queue(b, 1);
            b.AddAgent(new AgentSlot(9), a => { a.Tenants.Add(T2); a.InitialPresence = AgentPresence.Available; });
        });
        h.Enqueue(100, 1);
        h.Advance(TimeSpan.FromHours(1));
        Assert.Empty(h.Events.Offers);
        h.Enqueue(200, 2);
        Assert.Equal((new InteractionSlot(200), new AgentSlot(9)), (h.Events.Last.Interaction, h.Events.Last.Agent));
    }

    [Fact]
    public void TenantIsolation_AgentOfTwoTenants_ServesBoth()
    {
        using var h = new Harness(b =>
        {
            b.AddQueue(new QueueSlot(2), T2);
            Queue(b, 1);
            b.AddAgent(new AgentSlot(9), a => { a.Tenants.Add(T1); a.Tenants.Add(T2); a.Capacity.Chat = 0; a.Capacity.Voice = 2; a.InitialPresence = AgentPresence.Available; });
        });
        h.Enqueue(100, 1);
        h.Enqueue(200, 2);
        Assert.Equal(2, h.Events.Offers.Count);
    }

    [Fact]
    public void Capacity_ThreeChats_FourthWaits()
    {
        using var h = new Harness(b =>
        {
            Queue(b, 1, q => q.Media = RoutingMedia.Chat);
            b.AddAgent(new AgentSlot(7), a => { a.Tenants.Add(T1); a.Capacity.Voice = 0; a.Capacity.Chat = 3; a.InitialPresence = AgentPresence.Available; });
        });
        for (int i = 0; i < 4; i++)
        {
            h.Enqueue(100 + i, 1);
        }

        Assert.Equal(3, h.Events.Offers.Count);
        h.Accept(h.Events.Offers[0]);
        h.Complete(100);
        Assert.Equal(new InteractionSlot(103), h.Events.Last.Interaction);
    }

    private static Harness Blended(bool interrupts) => new(b =>
    {
        Queue(b, 1, q => q.Media = RoutingMedia.Voice);
        Queue(b, 2, q => q.Media = RoutingMedia.Chat);
        b.AddAgent(new AgentSlot(7), a =>
        {
            a.Tenants.Add(T1);
            a.Capacity.Voice = 1;
            a.Capacity.Chat = 3;
            a.CallInterruptsChats = interrupts;
            a.InitialPresence = AgentPresence.Available;
        });
    });

    [Fact]
    public void Interruption_Allowed_CallOfferedOnTopOfChats()
    {
        using var h = Blended(interrupts: true);
        h.Enqueue(200, 2);
        h.Enqueue(201, 2);
        h.Enqueue(100, 1);
        Assert.Equal(new InteractionSlot(100), h.Events.Last.Interaction);
        Assert.Equal(3, h.Agent(7).Load);
    }

    [Fact]
    public void Interruption_NotAllowed_CallWaitsUntilChatsDone()
    {
        using var h = Blended(interrupts: false);
        h.Enqueue(200, 2);
        h.Accept(h.Events.Last);
        h.Enqueue(100, 1);
        Assert.Single(h.Events.Offers);
        h.Complete(200);
        Assert.Equal(new InteractionSlot(100), h.Events.Last.Interaction);
    }

    [Fact]
    public void Interruption_DuringCall_NoNewChats()
    {
        using var h = Blended(interrupts: true);
        h.Enqueue(100, 1);
        h.Accept(h.Events.Last);
        h.Enqueue(200, 2);
        Assert.Single(h.Events.Offers);
        h.Complete(100);
        Assert.Equal(new InteractionSlot(200), h.Events.Last.Interaction);
    }
}
