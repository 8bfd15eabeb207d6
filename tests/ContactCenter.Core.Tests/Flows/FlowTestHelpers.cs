using ContactCenter.Channels;
using ContactCenter.Testing;

namespace ContactCenter.Core.Tests.Flows;

internal static class FlowTestHelpers
{
    /// <summary>Waits until the interaction reaches <paramref name="state"/>; subscribes before looking so nothing is missed.</summary>
    public static async Task<Interaction> WaitForStateAsync(this ContactCenterTestHost host, InteractionId id, InteractionState state)
    {
        using var cts = new CancellationTokenSource(host.Timeout);
        var events = host.ContactCenter.SubscribeAsync(cts.Token);
        try
        {
            var current = await host.ContactCenter.GetInteractionAsync(id, cts.Token);
            if (current?.State == state)
            {
                return current;
            }

            await foreach (var e in events)
            {
                if (e is StateChangedEvent changed && changed.InteractionId == id && changed.To == state)
                {
                    return (await host.ContactCenter.GetInteractionAsync(id, cts.Token))!;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        var last = await host.ContactCenter.GetInteractionAsync(id);
        throw new TimeoutException($"Interaction {id} did not reach {state} within {host.Timeout.TotalSeconds} s; it is {last?.State}.");
    }

    /// <summary>Waits until the flow of the interaction records <c>$flow.status</c> = <paramref name="status"/> (the
    /// runner saves its last progress after the hub has moved on, so a test must wait for it).</summary>
    public static async Task WaitForFlowStatusAsync(this ContactCenterTestHost host, InteractionId id, string status)
    {
        static bool Matches(TimelineEvent e, InteractionId id, string status)
            => e is FlowProgressEvent p && p.InteractionId == id && p.Variables.TryGetValue("$flow.status", out var s) && s == status;

        using var cts = new CancellationTokenSource(host.Timeout);
        var events = host.ContactCenter.SubscribeAsync(cts.Token);
        try
        {
            if ((await host.ContactCenter.GetTimelineAsync(id, cts.Token)).Any(e => Matches(e, id, status)))
            {
                return;
            }

            await foreach (var e in events)
            {
                if (Matches(e, id, status))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"The flow of interaction {id} did not record status '{status}' within {host.Timeout.TotalSeconds} s.");
    }

    /// <summary>Reads the next message the customer receives and checks its text.</summary>
    public static async Task<OutboundMessage> ExpectAsync(this ScriptedCustomer customer, string text)
    {
        var message = await customer.ReceiveAsync();
        Assert.Equal(text, message.Content.Text);
        return message;
    }
}
