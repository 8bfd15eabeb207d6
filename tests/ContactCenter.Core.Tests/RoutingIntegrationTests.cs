using ContactCenter.Testing;

namespace ContactCenter.Core.Tests;

/// <summary>The routing engine (ContactCenter.Routing) as the runtime's router.</summary>
public class RoutingIntegrationTests
{
    [Fact]
    public async Task UseRoundRobin_FourChats_SpreadOverTwoAgents()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddAgent("alice")
            .AddAgent("bob")
            .ConfigureRouting(r => r.UseRoundRobin()));
        var alice = await host.LogInAgentAsync("alice");
        var bob = await host.LogInAgentAsync("bob");

        for (var i = 0; i < 4; i++)
        {
            await host.Customer(CustomerIdentity.Email($"c{i}@example.com")).SayAsync("hi");
        }

        for (var i = 0; i < 2; i++)
        {
            await alice.AcceptNextOfferAsync();
            await bob.AcceptNextOfferAsync();
        }

        Assert.Equal(4, host.ContactCenter.GetStatistics().Connected);
    }

    [Theory]
    [InlineData(MediaType.Voice)]
    [InlineData(MediaType.Chat)]
    [InlineData(MediaType.Email)]
    [InlineData(MediaType.Task)]
    public async Task Enqueue_AgentWithCapacityOnlyInTheMedium_IsOffered(MediaType media)
    {
        // The engine counts capacity per medium; the adapter must map the medium by name for the one medium this
        // agent can take to be the one the interaction arrives on.
        var line = new InMemoryChannel("line", media);
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddAgent("alice", a => a.WithCapacity(
                voice: media == MediaType.Voice ? 1 : 0,
                chat: media == MediaType.Chat ? 1 : 0,
                email: media == MediaType.Email ? 1 : 0,
                task: media == MediaType.Task ? 1 : 0)), line);
        var alice = await host.LogInAgentAsync("alice");

        var receipt = await host.Customer(CustomerIdentity.Email("ann@example.com"), channel: "line").SayAsync("hi");

        Assert.Equal(receipt.InteractionId, (await alice.AcceptNextOfferAsync()).Id);
    }

    [Fact]
    public async Task Tenant_QueueOfTenantA_NeverOfferedToAgentOfTenantB()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddTenant("acme")
            .AddTenant("globex")
            .AddQueue("acme-support", q => q with { Tenant = new TenantId("acme") })
            .AddAgent("bob", a => a with { Tenants = [new TenantId("globex")] })
            .AddAgent("alice", a => a with { Tenants = [new TenantId("acme")] })
            .AddChannelQueue("chat", "acme-support"));
        var bob = await host.LogInAgentAsync("bob");
        var receipt = await host.Customer(CustomerIdentity.Email("x@acme.example")).SayAsync("help");

        Assert.Equal(new QueuePosition(1, host.ContactCenter.GetQueuePosition(receipt.InteractionId)!.Value.EstimatedWait),
            host.ContactCenter.GetQueuePosition(receipt.InteractionId));
        var alice = await host.LogInAgentAsync("alice");
        var taken = await alice.AcceptNextOfferAsync();

        Assert.Equal(receipt.InteractionId, taken.Id);
        Assert.False(bob.Session.Notifications.TryRead(out _));
    }

    [Fact]
    public async Task Skills_QueueNeedsLevel_OnlyQualifiedAgentOffered()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("french", q => q with { RequiredSkills = q.RequiredSkills.Add("french", 7) })
            .AddAgent("novice", ("french", 3))
            .AddAgent("expert", ("french", 9)));
        var novice = await host.LogInAgentAsync("novice");
        var expert = await host.LogInAgentAsync("expert");
        var receipt = await host.Customer(CustomerIdentity.Email("f@example.fr")).SayAsync("bonjour");

        var offer = await expert.WaitForAsync<OfferNotification>();
        var taken = await expert.Session.AcceptAsync(offer.InteractionId);

        Assert.Equal(receipt.InteractionId, taken.Id);
        Assert.False(novice.Session.Notifications.TryRead(out _));
        Assert.Equal("Chosen by the longest-idle strategy from 1 available agent in queue french.", offer.Explanation);
        var timeline = await host.ContactCenter.GetTimelineAsync(receipt.InteractionId);
        var decision = Assert.Single(timeline.OfType<RoutingDecisionEvent>());
        Assert.Equal(new AgentId("expert"), decision.Agent);
        Assert.Equal(offer.Decision, decision.Decision);
    }

    [Fact]
    public async Task Capacity_OneChat_SecondWaitsUntilWrapUp()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddAgent("alice", a => a.WithCapacity(chat: 1)));
        var alice = await host.LogInAgentAsync("alice");
        var first = await host.Customer(CustomerIdentity.Email("1@example.com")).SayAsync("first");
        var second = await host.Customer(CustomerIdentity.Email("2@example.com")).SayAsync("second");

        var taken = await alice.AcceptNextOfferAsync();
        Assert.Equal(first.InteractionId, taken.Id);
        Assert.Equal(1, host.ContactCenter.GetQueuePosition(second.InteractionId)?.Position);

        await alice.WrapUpAsync(taken.Id, "done");
        var next = await alice.AcceptNextOfferAsync();
        Assert.Equal(second.InteractionId, next.Id);
    }

    [Fact]
    public async Task Offer_RoutingDecision_TypedOnTimelineAndSentenceForAgent()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("sales")
            .AddAgent("alice")
            .AddAgent("bob")
            .ConfigureRouting(r => r.UseRoundRobin()));
        var alice = await host.LogInAgentAsync("alice");
        var bob = await host.LogInAgentAsync("bob");
        var receipt = await host.Customer(CustomerIdentity.Email("d@example.com")).SayAsync("hello");

        var offer = await await Task.WhenAny(alice.WaitForAsync<OfferNotification>(), bob.WaitForAsync<OfferNotification>());

        var decision = offer.Decision!;
        Assert.Equal(RoutingDecisionRule.BestAgentForInteraction, decision.Rule);
        Assert.Equal("round-robin", decision.Strategy);
        Assert.Equal(2, decision.Candidates);
        Assert.Equal(0, decision.EscalationStep);
        Assert.False(decision.RingAll);
        Assert.Equal("Chosen by the round-robin strategy from 2 available agents in queue sales.", offer.Explanation);
        Assert.DoesNotContain("NaN", offer.Explanation, StringComparison.Ordinal);
        var timeline = await host.ContactCenter.GetTimelineAsync(receipt.InteractionId);
        Assert.Equal(decision, Assert.Single(timeline.OfType<RoutingDecisionEvent>()).Decision);
        Assert.DoesNotContain(timeline, e => e is SystemEvent { Kind: "routing" });
    }
}

public class MissedOfferTests
{
    [Fact]
    public async Task MissedOffers_ReachLimit_AgentIsPutOnBreak()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support", q => q with { OfferTimeout = TimeSpan.FromSeconds(5) })
            .AddAgent("alice")
            .ConfigureRouting(r => { r.MissedOffersBeforeAway = 2; r.DeclineCooldown = TimeSpan.Zero; }));
        var alice = await host.LogInAgentAsync("alice");
        await host.Customer(CustomerIdentity.Email("m@example.com")).SayAsync("anyone?");
        await alice.WaitForAsync<OfferNotification>();

        // Miss the first offer; it comes straight back (no cool-down); miss it again: that is the limit.
        host.Clock.Advance(TimeSpan.FromSeconds(6));
        await alice.WaitForAsync<OfferRevokedNotification>();
        await alice.WaitForAsync<OfferNotification>();
        host.Clock.Advance(TimeSpan.FromSeconds(6));
        var away = await alice.WaitForAsync<AgentStateChangedNotification>();

        Assert.NotNull(away);
        Assert.Equal(AgentState.Break, away.State);
        Assert.Equal(AgentState.Break, alice.Session.State);
        Assert.Equal(0, host.ContactCenter.GetStatistics().AgentsAvailable);

        // Back from the break, the agent gets the interaction again.
        await alice.Session.SetStateAsync(AgentState.Available);
        Assert.NotNull(await alice.AcceptNextOfferAsync());
    }
}

public class RingAllTests
{
    [Fact]
    public async Task RingAll_TwoAgents_FirstAcceptWinsOtherIsRevoked()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddAgent("alice")
            .AddAgent("bob")
            .ConfigureRouting(r => r.UseRingAll()));
        var alice = await host.LogInAgentAsync("alice");
        var bob = await host.LogInAgentAsync("bob");
        var receipt = await host.Customer(CustomerIdentity.Email("r@example.com")).SayAsync("hello?");

        var toAlice = await alice.WaitForAsync<OfferNotification>();
        var toBob = await bob.WaitForAsync<OfferNotification>();
        Assert.Equal(receipt.InteractionId, toAlice.InteractionId);
        Assert.Equal(receipt.InteractionId, toBob.InteractionId);

        var taken = await bob.Session.AcceptAsync(receipt.InteractionId);
        Assert.Equal(new AgentId("bob"), taken.Agent);

        var revoked = await alice.WaitForAsync<OfferRevokedNotification>();
        Assert.Equal(OfferRevokedReason.TakenByAnother, revoked.Reason);
        await Assert.ThrowsAsync<ContactCenterException>(() => alice.Session.AcceptAsync(receipt.InteractionId));
    }

    [Fact]
    public async Task RingAll_OneDeclines_OtherCanStillAccept()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddAgent("alice")
            .AddAgent("bob")
            .ConfigureRouting(r => r.UseRingAll()));
        var alice = await host.LogInAgentAsync("alice");
        var bob = await host.LogInAgentAsync("bob");
        var receipt = await host.Customer(CustomerIdentity.Email("s@example.com")).SayAsync("hello?");
        await alice.WaitForAsync<OfferNotification>();
        await bob.WaitForAsync<OfferNotification>();

        await alice.Session.DeclineAsync(receipt.InteractionId);
        Assert.Equal(InteractionState.Offered, (await host.ContactCenter.GetInteractionAsync(receipt.InteractionId))!.State);

        var taken = await bob.Session.AcceptAsync(receipt.InteractionId);
        Assert.Equal(InteractionState.Connected, taken.State);
    }
}

public class LapsedOfferTests
{
    [Fact]
    public async Task Lapsed_OnlyAgent_ReofferedAfterCooldown()
    {
        // The clock moves right after the hub hears of the lapse: the engine must measure its next timer from the
        // clock as it is then, not as it was when its turn began.
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support", q => q with { OfferTimeout = TimeSpan.FromSeconds(5) })
            .AddAgent("alice")
            .ConfigureRouting(r => { r.MissedOffersBeforeAway = 2; r.DeclineCooldown = TimeSpan.FromSeconds(5); }));
        var alice = await host.LogInAgentAsync("alice");
        var receipt = await host.Customer(CustomerIdentity.Email("lapse@example.com")).SayAsync("anyone?");
        await alice.WaitForAsync<OfferNotification>();

        host.Clock.Advance(TimeSpan.FromSeconds(6));
        await alice.WaitForAsync<OfferRevokedNotification>();
        host.Clock.Advance(TimeSpan.FromSeconds(6));
        var again = await alice.WaitForAsync<OfferNotification>();

        Assert.Equal(receipt.InteractionId, again.InteractionId);
    }
}
