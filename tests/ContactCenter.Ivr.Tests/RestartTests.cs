using ContactCenter.Testing;
using ContactCenter.Ivr.State;

namespace ContactCenter.Ivr.Tests;

public sealed class RestartTests
{
    [Theory]
    [InlineData(Medium.Voice, false, FlowStateSaveMode.EveryStep)]
    [InlineData(Medium.ChatButtons, true, FlowStateSaveMode.EveryStep)]
    [InlineData(Medium.ChatText, false, FlowStateSaveMode.EveryStep)]
    [InlineData(Medium.Voice, true, FlowStateSaveMode.BeforeWaits)]
    [InlineData(Medium.ChatButtons, false, FlowStateSaveMode.BeforeWaits)]
    public async Task Restart_MidFlow_ResumesAtTheSameNodeWithItsVariables(Medium medium, bool secondHostFromJson, FlowStateSaveMode saveMode)
    {
        // The store plays the interaction timeline: it keeps every saved state as a JSON event.
        var timeline = new TimelineStateStore();
        var first = new Harness(store: timeline, saveMode: saveMode);
        var s1 = first.Session(medium, "i-42").Choose("1").Pause();
        using var stop = new CancellationTokenSource();

        var run = first.Runner.RunAsync(s1.Session, stop.Token).AsTask();
        Assert.False(run.IsCompleted); // waiting for the order number
        await stop.CancelAsync(); // the host goes down
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var saved = await timeline.LoadAsync(ScriptedTextSession.IdFor("i-42"), TestContext.Current.CancellationToken);
        Assert.Equal("order", saved!.NodeId);
        Assert.Equal("1", saved.Variables["menu.choice"]);

        // A new host (new catalog, new runner, possibly loaded from JSON) on the same store.
        var second = new Harness(fromJson: secondHostFromJson, store: timeline, saveMode: saveMode);
        var s2 = second.Session(medium, "i-42").Enter("1234");

        var result = await second.RunAsync(s2.Session);

        Assert.Equal(["order", "lookup", "status", "goodbye"], second.Path);
        Assert.True(second.Steps[0].Resumed);
        Assert.DoesNotContain("Welcome to Example Shop.", s2.Said);
        Assert.Equal("Please enter your order number.", s2.Said.First());
        Assert.Equal("1", result.Variables["menu.choice"]);
        Assert.Equal("Order 1234 is shipped.", s2.Said.ElementAt(1));
        Assert.Equal(FlowRunStatus.Completed, (await timeline.LoadAsync(ScriptedTextSession.IdFor("i-42"), TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task SaveMode_BeforeWaits_SavesOnlyBeforeWaitsAndAtTheEnd()
    {
        var everyStep = new TimelineStateStore();
        var beforeWaits = new TimelineStateStore();
        var a = new Harness(store: everyStep);
        var b = new Harness(store: beforeWaits, saveMode: FlowStateSaveMode.BeforeWaits);

        await a.RunAsync(a.Voice("x").Press("1").Press("1234#"));
        await b.RunAsync(b.Voice("x").Press("1").Press("1234#"));

        Assert.Equal(a.Steps.Count + 1, everyStep.Count); // every node entry + the end
        Assert.Equal(3, beforeWaits.Count); // the menu, the order number (one save for its 5 keys), the end
    }

    [Fact]
    public async Task Restart_AfterTheFlowEnded_StartsAgain()
    {
        var store = new InMemoryFlowStateStore();
        var h = new Harness(store: store);
        await h.RunAsync(h.Voice("c").HangUp());

        var again = new Harness(store: store);
        await again.RunAsync(again.Voice("c").HangUp());

        Assert.Equal("hours", again.Path.First());
    }

    [Fact]
    public async Task Resume_WithoutSavedState_Throws()
    {
        var h = new Harness();

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await h.Runner.ResumeAsync(h.Voice("none"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void FlowState_RoundTripsThroughJson()
    {
        var state = new FlowState { InteractionId = ScriptedTextSession.IdFor("i"), FlowName = "main", NodeId = "menu", Step = 7, Status = FlowRunStatus.Running };
        state.Variables["a"] = "1";
        state.CallStack.Add(new FlowFrame("outer", "after"));

        var copy = FlowState.FromJson(state.ToJson());

        Assert.Equal(state.InteractionId, copy.InteractionId);
        Assert.Equal("menu", copy.NodeId);
        Assert.Equal(7, copy.Step);
        Assert.Equal("1", copy.Variables["a"]);
        Assert.Equal(new FlowFrame("outer", "after"), Assert.Single(copy.CallStack));
    }

    /// <summary>An append-only store like the interaction timeline: each save appends a JSON event.</summary>
    private sealed class TimelineStateStore : IFlowStateStore
    {
        private readonly List<(InteractionId Interaction, string Json)> _events = new();

        public int Count => _events.Count;

        public ValueTask<FlowState?> LoadAsync(InteractionId interactionId, CancellationToken cancellationToken)
        {
            lock (_events)
            {
                var last = _events.LastOrDefault(e => e.Interaction == interactionId);
                return ValueTask.FromResult(last.Json is null ? null : FlowState.FromJson(last.Json));
            }
        }

        public ValueTask SaveAsync(FlowState state, CancellationToken cancellationToken)
        {
            lock (_events)
            {
                _events.Add((state.InteractionId, state.ToJson()));
            }

            return ValueTask.CompletedTask;
        }
    }
}
