using ContactCenter.Channels;
using ContactCenter.Testing;

namespace ContactCenter.Core.Tests.Flows;

internal static class FlowTestHelpers
{
    /// <summary>Waits until the flow of the interaction records <c>$flow.status</c> = <paramref name="status"/> (the
    /// runner saves its last progress after the hub has moved on, so a test must wait for it).</summary>
    public static Task<TimelineEvent> WaitForFlowStatusAsync(this ContactCenterTestHost host, InteractionId id, string status)
        => host.WaitForEventAsync(id, e => e is FlowProgressEvent p && p.Variables.TryGetValue("$flow.status", out var s) && s == status, $"flow status '{status}'");

    /// <summary>Reads the next message the customer receives and checks its text.</summary>
    public static async Task<OutboundMessage> ExpectAsync(this ScriptedCustomer customer, string text)
    {
        var message = await customer.ReceiveAsync();
        Assert.Equal(text, message.Content.Text);
        return message;
    }
}
