using System.Collections.Concurrent;
using ContactCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Core.Tests.Flows;

/// <summary>How the customer's messages reach a flow: one path, whatever the interaction's state.</summary>
public class FlowInputTests
{
    [Fact]
    public async Task OnMessage_InFlowQueuedAndBackInFlow_EveryMessageReachesTheFlowTheSameWay()
    {
        var flows = new RecordingFlowLauncher();
        await using var host = await ContactCenterTestHost.StartAsync(
            cc => cc.AddQueue("support"),
            services: s => s.AddSingleton<IFlowLauncher>(flows));
        var ann = host.Customer(CustomerIdentity.WebVisitor("v-input"));

        var receipt = await ann.SayAsync("hi");
        var id = receipt.InteractionId;
        Assert.Equal(id, (await flows.Started.Task.WaitAsync(host.Timeout)).Id);

        await ann.SayAsync("in flow");
        await host.Services.GetRequiredService<IFlowContactCenter>().EnqueueAsync(id, new QueueId("support"));
        await ann.SayAsync("while queued");
        await host.Services.GetRequiredService<IFlowContactCenter>().LeaveQueueAsync(id, "left-queue");
        await ann.SayAsync("back in flow");

        var received = await flows.WaitForAsync(3, host.Timeout);
        Assert.Equal(
            [("in flow", InteractionState.InFlow), ("while queued", InteractionState.Queued), ("back in flow", InteractionState.InFlow)],
            received.Select(m => (m.Message.Content.Text, m.State)).ToArray());
        Assert.All(received, m => Assert.Equal(id, m.Message.InteractionId));
    }
}

/// <summary>A flow engine that takes every inbound interaction and records what the hub hands it.</summary>
internal sealed class RecordingFlowLauncher : IFlowLauncher
{
    private readonly ConcurrentQueue<(MessageEvent Message, InteractionState State)> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public TaskCompletionSource<Interaction> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? SelectFlow(Interaction interaction) => interaction.Initiation == InitiationKind.Inbound ? "main" : null;

    public void Start(Interaction interaction, string flow, bool resume) => Started.TrySetResult(interaction);

    public void ResumeWaiting(Interaction interaction, string flow)
    {
    }

    public void OnMessage(Interaction interaction, MessageEvent message)
    {
        _messages.Enqueue((message, interaction.State));
        _arrived.Release();
    }

    public async Task<IReadOnlyList<(MessageEvent Message, InteractionState State)>> WaitForAsync(int count, TimeSpan timeout)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await _arrived.WaitAsync(timeout), $"message {i + 1} of {count} did not reach the flow");
        }

        return _messages.ToArray();
    }
}
