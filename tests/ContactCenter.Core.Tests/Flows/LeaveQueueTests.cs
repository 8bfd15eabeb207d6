using ContactCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Core.Tests.Flows;

/// <summary>The hub operation behind "the customer leaves the queue for the flow's voicemail or callback".</summary>
public class LeaveQueueTests
{
    private static Task<ContactCenterTestHost> StartAsync(RecordingFlowLauncher flows) => ContactCenterTestHost.StartAsync(
        cc => cc.AddQueue("support").AddAgent("alice", ("support", 5)),
        services: s => s.AddSingleton<IFlowLauncher>(flows));

    [Fact]
    public async Task LeaveQueueAsync_WhileOffered_RevokesTheOfferAndTheFlowHasTheInteractionAgain()
    {
        var flows = new RecordingFlowLauncher();
        await using var host = await StartAsync(flows);
        var alice = await host.LogInAgentAsync("alice");
        var receipt = await host.Customer(CustomerIdentity.WebVisitor("v-leave")).SayAsync("hi");
        await flows.Started.Task.WaitAsync(host.Timeout);

        await host.Services.GetRequiredService<IFlowContactCenter>().EnqueueAsync(receipt.InteractionId, new QueueId("support"));
        var offer = await alice.WaitForAsync<OfferNotification>();
        Assert.Equal(receipt.InteractionId, offer.InteractionId);
        await host.Services.GetRequiredService<IFlowContactCenter>().LeaveQueueAsync(receipt.InteractionId, "left-queue");

        var revoked = await alice.WaitForAsync<OfferRevokedNotification>();
        Assert.Equal((receipt.InteractionId, OfferRevokedReason.LeftQueue), (revoked.InteractionId, revoked.Reason));
        var current = (await host.ContactCenter.GetInteractionAsync(receipt.InteractionId))!;
        Assert.Equal(InteractionState.InFlow, current.State);
        Assert.Null(current.Agent);
        var left = (await host.ContactCenter.GetTimelineAsync(receipt.InteractionId)).OfType<StateChangedEvent>().Last();
        Assert.Equal((InteractionState.Offered, InteractionState.InFlow, "left-queue"), (left.From, left.To, left.Reason));
        Assert.Equal((1, 0), (host.ContactCenter.GetStatistics().InFlow, host.ContactCenter.GetStatistics().Waiting));
        await Assert.ThrowsAsync<ContactCenterException>(() => alice.Session.AcceptAsync(receipt.InteractionId));
    }

    [Fact]
    public async Task LeaveQueueAsync_NotWaiting_IsAnIllegalTransition()
    {
        var flows = new RecordingFlowLauncher();
        await using var host = await StartAsync(flows);
        var receipt = await host.Customer(CustomerIdentity.WebVisitor("v-not-waiting")).SayAsync("hi");
        await flows.Started.Task.WaitAsync(host.Timeout);

        var ex = await Assert.ThrowsAsync<InvalidInteractionTransitionException>(() => host.Services.GetRequiredService<IFlowContactCenter>().LeaveQueueAsync(receipt.InteractionId, "left-queue"));

        Assert.Equal((InteractionState.InFlow, InteractionState.InFlow), (ex.From, ex.To));
    }
}
