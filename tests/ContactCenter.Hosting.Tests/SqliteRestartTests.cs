using ContactCenter.Testing;

namespace ContactCenter.Hosting.Tests;

public sealed class SqliteRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-restart-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Restart_SameSqliteFile_KeepsEveryInteractionAndEvent()
    {
        var path = Path.Combine(_folder, "cc.db");
        void Compose(IContactCenterBuilder cc) => cc
            .AddQueue("support")
            .AddAgent("alice", ("support", 5))
            .AddWrapUpCode("resolved")
            .UseSqliteStorage(path);

        var host = await ContactCenterTestHost.StartAsync(Compose);
        var alice = await host.LogInAgentAsync("alice");
        var ann = host.Customer(CustomerIdentity.Email("ann@example.com"));
        var first = await ann.SayAsync("first", checkpoint: "42");
        var closed = await alice.AcceptNextOfferAsync();
        await alice.ReplyAsync(closed.Id, "answer");
        await ann.ReceiveAsync();
        await alice.WrapUpAsync(closed.Id, "resolved");
        var waiting = await host.Customer(CustomerIdentity.Phone("+15550123")).SayAsync("still waiting");
        // The offer to alice is made after the message's commit: wait for it, so that it is pending at the restart.
        await host.WaitForStateAsync(waiting.InteractionId, InteractionState.Offered);
        var before = new Dictionary<InteractionId, string[]>();
        foreach (var id in new[] { first.InteractionId, waiting.InteractionId })
        {
            before[id] = (await host.ContactCenter.GetTimelineAsync(id)).Select(e => e.Id + e.GetType().Name).ToArray();
        }

        host = await host.RestartAsync();
        await using (host)
        {
            foreach (var (id, events) in before)
            {
                // Everything written before the restart is there, in order; recovery may only add to it
                // (an offer that was pending is returned to its queue with reason "recovered").
                var after = await host.ContactCenter.GetTimelineAsync(id);
                Assert.Equal(events, after.Take(events.Length).Select(e => e.Id + e.GetType().Name).ToArray());
                Assert.All(after.Skip(events.Length), e => Assert.Equal("recovered", Assert.IsType<StateChangedEvent>(e).Reason));
            }

            Assert.Equal(InteractionState.Closed, (await host.ContactCenter.GetInteractionAsync(first.InteractionId))!.State);
            Assert.Equal("42", host.Channel.StartCheckpoint);

            // The waiting interaction is recovered into its queue and offered after the restart.
            var again = await host.LogInAgentAsync("alice");
            var recovered = await again.AcceptNextOfferAsync();
            Assert.Equal(waiting.InteractionId, recovered.Id);

            // The same customer is recognised after the restart.
            var later = await host.Customer(CustomerIdentity.Email("ANN@example.com")).SayAsync("me again");
            Assert.Equal(first.CustomerId, later.CustomerId);
        }
    }
}
