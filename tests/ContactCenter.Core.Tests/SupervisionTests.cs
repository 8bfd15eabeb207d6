using ContactCenter.Core.Agents;
using ContactCenter.Storage;
using ContactCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Core.Tests;

public class SupervisionTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static AgentDefinition Agent(string id, string skill, int chat = 1) => new AgentDefinition
    {
        Id = new AgentId(id),
        Skills = System.Collections.Immutable.ImmutableDictionary<string, int>.Empty.Add(skill, 5),
    }.WithCapacity(chat: chat);

    private static void TwoQueues(IContactCenterBuilder cc) => cc
        .AddQueue("support", q => q with { RequiredSkills = q.RequiredSkills.Add("support", 1), ServiceLevelTarget = TimeSpan.FromSeconds(30), OfferTimeout = TimeSpan.FromMinutes(10) })
        .AddQueue("sales", q => q with { RequiredSkills = q.RequiredSkills.Add("sales", 1) })
        .AddAgent(Agent("alice", "support"))
        .AddAgent(Agent("bob", "support"))
        .AddAgent(Agent("carol", "support"))
        .AddAgent(Agent("dave", "sales"))
        .AddWrapUpCode("resolved", resolved: true);

    [Fact]
    public async Task GetQueueStatisticsAsync_ScriptedScenario_CountsWaitingOldestWaitAndAgentActivity()
    {
        await using var host = await ContactCenterTestHost.StartAsync(TwoQueues);
        var cc = host.ContactCenter;
        var alice = await host.LogInAgentAsync("alice");
        var bob = await host.LogInAgentAsync("bob", AgentState.Break);
        await host.LogInAgentAsync("carol", AgentState.Break);

        // 09:00:00 first customer, accepted by alice (the only available agent; chat capacity 1).
        var c1 = await host.Customer(CustomerIdentity.Email("c1@example.com")).SayAsync("one");
        var accepted = await alice.AcceptNextOfferAsync();
        Assert.Equal(c1.InteractionId, accepted.Id);

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        var c2 = await host.Customer(CustomerIdentity.Email("c2@example.com")).SayAsync("two");   // waits from 09:00:10
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await host.Customer(CustomerIdentity.Email("c3@example.com")).SayAsync("three");          // waits from 09:00:15
        await alice.Session.EndAsync(c1.InteractionId);                                           // alice in wrap-up, still at capacity
        host.Clock.Advance(TimeSpan.FromSeconds(10));                                             // now 09:00:25

        // Hand-computed: 2 waiting, the oldest for 15 s; alice wrap-up; bob and carol away; dave serves sales only.
        Assert.Equal(new LiveQueueStatistics(new QueueId("support"), 2, TimeSpan.FromSeconds(15), 0, 0, 1, 2), await cc.GetQueueStatisticsAsync(new QueueId("support")));
        Assert.Equal(new LiveQueueStatistics(new QueueId("sales"), 0, TimeSpan.Zero, 0, 0, 0, 0), await cc.GetQueueStatisticsAsync(new QueueId("sales")));

        // Bob comes back and takes the oldest (c2): 1 waiting (c3, 10 s), bob busy, alice wrap-up, carol away.
        await bob.Session.SetStateAsync(AgentState.Available);
        Assert.Equal(c2.InteractionId, (await bob.AcceptNextOfferAsync()).Id);
        Assert.Equal(new LiveQueueStatistics(new QueueId("support"), 1, TimeSpan.FromSeconds(10), 0, 1, 1, 1), await cc.GetQueueStatisticsAsync(new QueueId("support")));
    }

    [Fact]
    public async Task GetQueuesAndAgentsAsync_AfterAccept_ReflectLiveState()
    {
        await using var host = await ContactCenterTestHost.StartAsync(TwoQueues);
        var cc = host.ContactCenter;
        var alice = await host.LogInAgentAsync("alice");
        var bob = await host.LogInAgentAsync("bob");
        await bob.Session.SetStateAsync(AgentState.Break, "lunch");
        var receipt = await host.Customer(CustomerIdentity.Email("ann@example.com")).SayAsync("hi");
        await alice.AcceptNextOfferAsync();

        var agents = await cc.GetAgentsAsync();
        Assert.Equal(["alice", "bob", "carol", "dave"], agents.Select(a => a.AgentId.Value).ToArray());
        var a = agents[0];
        Assert.Equal((AgentState.Available, AgentActivity.Busy), (a.State, a.Activity));
        Assert.Equal([receipt.InteractionId], a.Interactions);
        Assert.Empty(a.Offers);
        Assert.Equal((AgentState.Break, "lunch", AgentActivity.Away), (agents[1].State, agents[1].StateReason, agents[1].Activity));
        Assert.Equal((AgentState.Offline, AgentActivity.Offline), (agents[3].State, agents[3].Activity));

        var queues = await cc.GetQueuesAsync();
        Assert.Equal(["support", "sales"], queues.Select(q => q.Definition.Id.Value).ToArray());
        Assert.Equal((0, 1, 1), (queues[0].Statistics.Waiting, queues[0].Statistics.AgentsBusy, queues[0].Statistics.AgentsAway));
    }

    [Fact]
    public async Task SubscribeSupervisorAsync_PresenceChanges_ArriveInOrderAtTheirClockTime()
    {
        await using var host = await ContactCenterTestHost.StartAsync(TwoQueues);
        await using var feed = host.ContactCenter.SubscribeSupervisorAsync().GetAsyncEnumerator();

        var alice = await host.LogInAgentAsync("alice");
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await alice.Session.SetStateAsync(AgentState.Break, "lunch");
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await alice.Session.LogOutAsync();

        var seen = new List<AgentPresenceChangedEvent>();
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await feed.MoveNextAsync().AsTask().WaitAsync(Wait));
            seen.Add(Assert.IsType<AgentPresenceChangedEvent>(feed.Current));
        }

        Assert.Equal(
            [
                (AgentState.Offline, AgentState.Available, "logged-in", Start),
                (AgentState.Available, AgentState.Break, "lunch", Start.AddSeconds(5)),
                (AgentState.Break, AgentState.Offline, "logged-out", Start.AddSeconds(10)),
            ],
            seen.Select(e => (e.From, e.To, e.Reason, e.Timestamp)).ToArray());
        Assert.All(seen, e => Assert.Equal("alice", e.Agent.Value));
    }

    [Fact]
    public async Task SubscribeSupervisorAsync_WaitPastServiceLevelTarget_RaisesBreachAtTheTarget()
    {
        await using var host = await ContactCenterTestHost.StartAsync(TwoQueues);
        await using var feed = host.ContactCenter.SubscribeSupervisorAsync().GetAsyncEnumerator();
        var receipt = await host.Customer(CustomerIdentity.Email("ann@example.com")).SayAsync("anyone?");
        var next = feed.MoveNextAsync().AsTask();

        host.Clock.Advance(TimeSpan.FromSeconds(29));
        await host.ContactCenter.GetQueuesAsync(); // a command behind any the timer posted: the loop has run them
        Assert.False(next.IsCompleted);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next.WaitAsync(Wait));
        var breach = Assert.IsType<ServiceLevelBreachedEvent>(feed.Current);
        Assert.Equal((receipt.InteractionId, "support", Start, TimeSpan.FromSeconds(30), Start.AddSeconds(30)),
            (breach.InteractionId, breach.Queue.Value, breach.WaitingSince, breach.Target, breach.Timestamp));

        // Once per interaction and queue.
        var after = feed.MoveNextAsync().AsTask();
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await host.ContactCenter.GetQueuesAsync();
        Assert.False(after.IsCompleted);
    }

    [Fact]
    public async Task SubscribeSupervisorAsync_AcceptedBeforeTarget_RaisesNoBreach()
    {
        await using var host = await ContactCenterTestHost.StartAsync(TwoQueues);
        await using var feed = host.ContactCenter.SubscribeSupervisorAsync().GetAsyncEnumerator();
        await host.Customer(CustomerIdentity.Email("ann@example.com")).SayAsync("anyone?");
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        var alice = await host.LogInAgentAsync("alice");
        await alice.AcceptNextOfferAsync();
        Assert.True(await feed.MoveNextAsync().AsTask().WaitAsync(Wait));
        Assert.IsType<AgentPresenceChangedEvent>(feed.Current);

        var next = feed.MoveNextAsync().AsTask();
        host.Clock.Advance(TimeSpan.FromSeconds(60));
        await host.ContactCenter.GetQueuesAsync();
        Assert.False(next.IsCompleted);
    }

    [Fact]
    public async Task LogInAsync_AlreadyLoggedInWithTakeOver_GetsTheSameOffersAndWork()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddAgent(Agent("alice", "support", chat: 2)));
        var alice = await host.LogInAgentAsync("alice");
        var c1 = await host.Customer(CustomerIdentity.Email("c1@example.com")).SayAsync("one");
        await alice.AcceptNextOfferAsync();
        var c2 = await host.Customer(CustomerIdentity.Email("c2@example.com")).SayAsync("two");
        var offer = await alice.WaitForAsync<OfferNotification>();
        Assert.Equal(c2.InteractionId, offer.InteractionId);

        // The host lost alice's session: a plain log-in still refuses, a take-over gets the live one back.
        var refused = await Assert.ThrowsAsync<ContactCenterException>(() => host.ContactCenter.LogInAsync(new AgentId("alice")));
        Assert.Contains("TakeOver", refused.Message, StringComparison.Ordinal);
        var session = await host.ContactCenter.LogInAsync(new AgentId("alice"), new AgentLogInOptions { TakeOver = true });

        Assert.True(alice.Session.IsLoggedOut);
        Assert.Equal(AgentState.Available, session.State);
        var again = Assert.IsType<OfferNotification>(await session.Notifications.ReadAsync().AsTask().WaitAsync(Wait));
        Assert.Equal((c2.InteractionId, offer.ExpiresAt), (again.InteractionId, again.ExpiresAt));
        var work = Assert.IsType<AssignedInteractionNotification>(await session.Notifications.ReadAsync().AsTask().WaitAsync(Wait));
        Assert.Equal((c1.InteractionId, InteractionState.Connected), (work.InteractionId, work.Interaction.State));

        Assert.Equal(InteractionState.Connected, (await session.AcceptAsync(c2.InteractionId)).State);
        await session.ReplyAsync(c1.InteractionId, "still here");
        await Assert.ThrowsAsync<ContactCenterException>(() => alice.Session.ReplyAsync(c1.InteractionId, "old session"));
        var status = (await host.ContactCenter.GetAgentsAsync()).Single();
        Assert.Equal(new HashSet<InteractionId> { c1.InteractionId, c2.InteractionId }, status.Interactions.ToHashSet());
    }

    [Fact]
    public async Task SubscribeSupervisorAsync_WaitingAcrossRestart_StillRaisesBreach()
    {
        var store = new InMemoryInteractionStore();
        var host = await ContactCenterTestHost.StartAsync(TwoQueues, services: s => s.Replace(ServiceDescriptor.Singleton<IInteractionStore>(store)));
        var receipt = await host.Customer(CustomerIdentity.Email("ann@example.com")).SayAsync("anyone?");
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await using var restarted = await host.RestartAsync();
        await using var feed = restarted.ContactCenter.SubscribeSupervisorAsync().GetAsyncEnumerator();
        var next = feed.MoveNextAsync().AsTask();

        // The store keeps no "queued since": after a restart the wait counts from the last change it holds (09:00:00).
        host.Clock.Advance(TimeSpan.FromSeconds(19));
        await restarted.ContactCenter.GetQueuesAsync();
        Assert.False(next.IsCompleted);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await next.WaitAsync(Wait));
        var breach = Assert.IsType<ServiceLevelBreachedEvent>(feed.Current);
        Assert.Equal((receipt.InteractionId, Start.AddSeconds(30)), (breach.InteractionId, breach.Timestamp));
    }
}
