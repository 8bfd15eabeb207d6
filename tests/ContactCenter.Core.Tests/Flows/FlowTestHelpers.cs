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

    /// <summary>Reads the next message the customer receives and checks its text.</summary>
    public static async Task<OutboundMessage> ExpectAsync(this ScriptedCustomer customer, string text)
    {
        var message = await customer.ReceiveAsync();
        Assert.Equal(text, message.Content.Text);
        return message;
    }
}
