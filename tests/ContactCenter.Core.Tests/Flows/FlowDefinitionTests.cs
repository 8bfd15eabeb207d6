using ContactCenter.Channels;
using ContactCenter.Ivr;
using ContactCenter.Ivr.Services;
using ContactCenter.Testing;

namespace ContactCenter.Core.Tests.Flows;

/// <summary>Flows from JSON files with lookups, transfers and the fallback of a failing flow, in a whole contact center.</summary>
public sealed class FlowDefinitionTests : IDisposable
{
    private const string OrdersJson = """
        {
          "name": "orders",
          "channels": ["webchat"],
          "nodes": [
            { "id": "ask", "type": "collectDigits", "prompt": "Your order number?", "variable": "orderId",
              "minLength": 4, "maxLength": 8, "default": "agent" },
            { "id": "lookup", "type": "lookup", "lookup": "orderStatus", "arguments": { "orderId": "{orderId}" },
              "resultPrefix": "order", "onError": "agent" },
            { "id": "status", "type": "end", "message": "Order {orderId} is {order.status}." },
            { "id": "agent", "type": "transferToQueue", "queue": "support", "message": "Let me find a colleague.", "next": "sorry" },
            { "id": "sorry", "type": "end", "message": "Sorry, nobody can help right now." }
          ]
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("cc-flow-json-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task JsonFlowWithLookup_FoundOrNot_AnswersOrTransfersToQueue()
    {
        var file = Path.Combine(_folder, "orders.json");
        await File.WriteAllTextAsync(file, OrdersJson, TestContext.Current.CancellationToken);
        var webchat = new InMemoryChannel("webchat");
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddFlowJsonFile(file)
            .AddFlowLookup("orderStatus", (request, _) => new ValueTask<LookupResult>(request.Arguments["orderId"] == "12345"
                ? LookupResult.Success(new Dictionary<string, string> { ["status"] = "shipped" })
                : LookupResult.NotFound)), services: null, channels: [webchat]);

        var ann = host.Customer(CustomerIdentity.WebVisitor("v-json-1"), "webchat");
        var first = await ann.SayAsync("hi");
        await ann.ExpectAsync("Your order number?");
        await ann.SayAsync("12345");
        await ann.ExpectAsync("Order 12345 is shipped.");
        await host.WaitForStateAsync(first.InteractionId, InteractionState.Closed);

        var bob = host.Customer(CustomerIdentity.WebVisitor("v-json-2"), "webchat");
        var second = await bob.SayAsync("hi");
        await bob.ExpectAsync("Your order number?");
        await bob.SayAsync("9999");
        await bob.ExpectAsync("Let me find a colleague.");
        var queued = await host.WaitForStateAsync(second.InteractionId, InteractionState.Queued);
        Assert.Equal(new QueueId("support"), queued.Queue);
    }

    [Fact]
    public async Task FailingFlow_LoopWithoutInput_FallsBackToTheChannelQueue()
    {
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("other")
            .AddQueue("support")
            .AddChannelQueue("chat", "support")
            .AddFlow("loop", f => f.SetVariable("a", "n", "1", next: "b").Goto("b", "a")));
        var ann = host.Customer(CustomerIdentity.WebVisitor("v-loop"));

        var receipt = await ann.SayAsync("hi");

        var queued = await host.WaitForStateAsync(receipt.InteractionId, InteractionState.Queued);
        Assert.Equal(new QueueId("support"), queued.Queue);
    }

    [Fact]
    public async Task TransferToNumber_OnVoice_RecordsTheNumberAndCloses()
    {
        var phone = new InMemoryChannel("phone", MediaType.Voice);
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddFlow("out", f => f.TransferToNumber("partner", "+49 89 1234", next: "bye").End("bye", "Sorry.")),
            services: null, channels: [phone]);
        var caller = host.Customer(CustomerIdentity.Phone("+4930111"), "phone");

        var receipt = await caller.SayAsync("(call connected)");

        var closed = await host.WaitForStateAsync(receipt.InteractionId, InteractionState.Closed);
        Assert.Equal("+49 89 1234", closed.Attributes["transfer.number"]);
        Assert.Equal("transferred-to-number", (await host.ContactCenter.GetTimelineAsync(receipt.InteractionId)).OfType<StateChangedEvent>().Last().Reason);
    }

    [Fact]
    public async Task Start_FlowNamesUnknownQueue_FailsNamingFlowAndQueue()
    {
        var ex = await Assert.ThrowsAsync<ContactCenterConfigurationException>(() => ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddFlow("main", f => f.Enqueue("queue", "nowhere", next: "sorry").End("sorry", "Sorry, that queue does not exist."))));

        Assert.Contains(ex.Problems, p => p.Contains("ContactCenter:Flows:main", StringComparison.Ordinal) && p.Contains("'nowhere'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bindings_EntryPointWinsOverChannel_OtherChannelsGoStraightToTheirQueue()
    {
        var chat = new InMemoryChannel("chat");
        var email = new InMemoryChannel("email", MediaType.Email);
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc
            .AddQueue("support")
            .AddFlow("main", f => f.End("bye", "Main flow."))
            .AddFlow("vip", f => f.End("bye", "VIP flow."))
            .AddChannelFlow("chat", "main")
            .AddEntryPointFlow("vip-line", "vip"), services: null, channels: [chat, email]);

        var ann = host.Customer(CustomerIdentity.WebVisitor("v-main"), "chat");
        await ann.SayAsync("hi");
        await ann.ExpectAsync("Main flow.");

        var vip = host.Customer(CustomerIdentity.WebVisitor("v-vip"), "chat");
        await chat.ReceiveAsync(new InboundMessage
        {
            Channel = "chat",
            Media = MediaType.Chat,
            ConversationKey = vip.ConversationKey,
            From = vip.Identity,
            Content = MessageContent.FromText("hi"),
            Attributes = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("entryPoint", "vip-line"),
        }, TestContext.Current.CancellationToken);
        await vip.ExpectAsync("VIP flow.");

        var mail = await host.Customer(CustomerIdentity.Email("bob@example.com"), "email").SayAsync("question");
        var queued = await host.WaitForStateAsync(mail.InteractionId, InteractionState.Queued);
        Assert.Equal(new QueueId("support"), queued.Queue);
    }
}
