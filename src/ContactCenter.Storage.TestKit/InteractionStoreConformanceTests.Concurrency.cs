using Xunit;

namespace ContactCenter.Storage.TestKit;

// Concurrent commits and reads from several threads.
public abstract partial class InteractionStoreConformanceTests
{
    private const int Writers = 6;
    private const int CommitsPerWriter = 30;

    /// <summary><c>CommitAsync</c>, concurrent appends from several threads: all land in per interaction order.</summary>
    [Fact]
    public async Task CommitAsync_ConcurrentAppendsFromSeveralThreads_AllLandInPerInteractionOrder()
    {
        var store = await NewStoreAsync();
        var shared = await SeedContactAsync(store);
        var own = new Contact[Writers];
        for (var w = 0; w < Writers; w++)
        {
            own[w] = await SeedContactAsync(store);
        }

        // Explicit phase gate: every writer is released together, so the commits really interleave.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < CommitsPerWriter; i++)
            {
                var changes = new StoreChanges();
                changes.Events.Add(Note(own[w].Interaction.Id, $"{w}:{i}:a"));
                changes.Events.Add(Note(own[w].Interaction.Id, $"{w}:{i}:b"));
                changes.Events.Add(Note(shared.Interaction.Id, $"{w}:{i}"));
                changes.InboundMessageKeys.Add(new("chat:web", $"{w}:{i}"));
                changes.Checkpoints[$"writer-{w}"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await store.CommitAsync(changes, Ct);

                // Readers run alongside writers and never see half a commit.
                var timeline = await store.GetTimelineAsync(own[w].Interaction.Id, Ct);
                Assert.Equal(1 + (2 * (i + 1)), timeline.Count);
            }
        }, Ct)).ToArray();
        start.SetResult();
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(60), Ct);

        for (var w = 0; w < Writers; w++)
        {
            var texts = (await store.GetTimelineAsync(own[w].Interaction.Id, Ct)).Skip(1).Cast<SystemEvent>().Select(e => e.Text);
            var expected = Enumerable.Range(0, CommitsPerWriter).SelectMany(i => new[] { $"{w}:{i}:a", $"{w}:{i}:b" });
            Assert.Equal(expected, texts);
            Assert.Equal((CommitsPerWriter - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await store.GetCheckpointAsync($"writer-{w}", Ct));
            Assert.True(await HasInboundAsync(store, "chat:web", $"{w}:{CommitsPerWriter - 1}"));
        }

        var sharedTimeline = (await store.GetTimelineAsync(shared.Interaction.Id, Ct)).Skip(1).Cast<SystemEvent>().ToArray();
        Assert.Equal(Writers * CommitsPerWriter, sharedTimeline.Length);
        for (var w = 0; w < Writers; w++)
        {
            // Each writer's events keep their relative order on the shared timeline.
            var mine = sharedTimeline.Select(e => e.Text!).Where(t => t.StartsWith($"{w}:", StringComparison.Ordinal));
            Assert.Equal(Enumerable.Range(0, CommitsPerWriter).Select(i => $"{w}:{i}"), mine);
        }
    }

    /// <summary><c>CommitAsync</c>, concurrent commits with one failing: others land and failed one writes nothing.</summary>
    [Fact]
    public async Task CommitAsync_ConcurrentCommitsWithOneFailing_OthersLandAndFailedOneWritesNothing()
    {
        var store = await NewStoreAsync();
        var contact = await SeedContactAsync(store);
        var stored = Message(contact.Interaction, "stored");
        await CommitAsync(store, c => c.Events.Add(stored));
        var good = Enumerable.Range(0, 20).Select(i => Note(contact.Interaction.Id, $"good {i}")).ToArray();
        var orphan = Note(contact.Interaction.Id, "with a duplicate");

        var tasks = good.Select(e => Task.Run(() => CommitAsync(store, c => c.Events.Add(e)), Ct)).ToList();
        var failing = Task.Run(() => CommitAsync(store, c => c.Events.AddRange([orphan, stored])), Ct);
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await Assert.ThrowsAsync<InteractionStoreException>(() => failing);

        var ids = (await store.GetTimelineAsync(contact.Interaction.Id, Ct)).Select(e => e.Id).ToHashSet();
        Assert.Equal(2 + good.Length, ids.Count);
        Assert.All(good, e => Assert.Contains(e.Id, ids));
        Assert.DoesNotContain(orphan.Id, ids);
    }
}
