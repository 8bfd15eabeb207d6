// QuickStart: a whole contact center in one console process, on the embedded default (SQLite in ./data).
// Simulated customers write on two in-memory channels (web chat and email); simulated agents accept,
// answer and wrap up. Run: dotnet run --project samples/QuickStart [-- --customers 12]
using ContactCenter;
using ContactCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var customers = args.SkipWhile(a => a != "--customers").Skip(1).Select(int.Parse).FirstOrDefault(8);
var dataFolder = Path.Combine(AppContext.BaseDirectory, "data");
Directory.CreateDirectory(dataFolder);
var database = Path.Combine(dataFolder, "quickstart.db");

var webChat = new InMemoryChannel("webchat");
var email = new InMemoryChannel("email", MediaType.Email);

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddContactCenter(cc => cc
    .AddQueue("support", q => q with { ServiceLevelTarget = TimeSpan.FromSeconds(20) })
    .AddQueue("email", q => q with { RequiredSkills = q.RequiredSkills.Add("writing", 3) })
    .AddChannelQueue("webchat", "support")
    .AddChannelQueue("email", "email")
    .AddAgent("alice", ("writing", 5))
    .AddAgent("bob")
    .AddAgent("carol", ("writing", 3))
    .AddWrapUpCode("resolved", "Resolved", resolved: true)
    .AddWrapUpCode("follow-up", "Needs follow-up")
    .ConfigureRouting(r => r.UseRoundRobin())
    .AddChannel(webChat)
    .AddChannel(email)
    .UseSqliteStorage(database));

using var host = builder.Build();
await host.StartAsync();
var center = host.Services.GetRequiredService<IContactCenter>();
Console.WriteLine($"Contact center started. History: {database}");

using var stop = new CancellationTokenSource();
var printer = Task.Run(async () =>
{
    try
    {
        await foreach (var e in center.SubscribeAsync(stop.Token))
        {
            var line = e switch
            {
                InteractionCreatedEvent c => $"new {c.Media} interaction on {c.Channel} from {c.CustomerIdentity}",
                MessageEvent { Direction: MessageDirection.Inbound } m => $"customer: \"{m.Content.Text}\"",
                MessageEvent m => $"{m.Agent?.Value ?? "system"}: \"{m.Content.Text}\"",
                StateChangedEvent s => $"{s.From} -> {s.To}" + (s.Agent is { } a ? $" ({a})" : "") + (s.Reason is { } r ? $" [{r}]" : ""),
                WrapUpEvent w => $"wrapped up by {w.Agent}: {w.Code}",
                _ => null,
            };
            if (line is not null)
            {
                Console.WriteLine($"{e.Timestamp:HH:mm:ss.fff} {e.InteractionId.ToString()[^6..]}  {line}");
            }
        }
    }
    catch (OperationCanceledException)
    {
    }
});

var agents = new[] { "alice", "bob", "carol" }.Select(async name =>
{
    var session = await center.LogInAsync(new AgentId(name));
    await foreach (var note in session.Notifications.ReadAllAsync(stop.Token))
    {
        switch (note)
        {
            case OfferNotification offer:
                var interaction = await session.AcceptAsync(offer.InteractionId);
                await session.ReplyAsync(interaction.Id, $"Hello, this is {name}. How can I help?");
                break;
            case MessageNotification { Message.Content.Text: "Thanks, bye!" } msg:
                await session.ReplyAsync(msg.InteractionId, "You're welcome. Goodbye!");
                await session.WrapUpAsync(msg.InteractionId, "resolved");
                break;
            case MessageNotification msg:
                await session.ReplyAsync(msg.InteractionId, "Your order ships tomorrow.");
                break;
        }
    }
}).ToArray();

var random = new Random(7);
var conversations = Enumerable.Range(1, customers).Select(async n =>
{
    await Task.Delay(random.Next(0, 400));
    var onEmail = n % 3 == 0;
    var channel = onEmail ? email : webChat;
    var identity = onEmail ? CustomerIdentity.Email($"customer{n}@example.com") : CustomerIdentity.WebVisitor($"visitor-{n}");
    var key = $"{identity}/{Guid.NewGuid():N}";
    async Task Say(string text) => await channel.ReceiveAsync(new ContactCenter.Channels.InboundMessage
    {
        Channel = channel.Name,
        Media = channel.Media,
        ConversationKey = key,
        From = identity,
        ExternalId = Guid.NewGuid().ToString("N"),
        Content = MessageContent.FromText(text),
    });
    async Task Hear() => await channel.ReadSentAsync(key).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

    await Say($"Hi, where is my order #{1000 + n}?");
    await Hear();
    await Say("It was due yesterday.");
    await Hear();
    await Say("Thanks, bye!");
    await Hear();
}).ToArray();

var all = Task.WhenAll(conversations);
while (!all.IsCompleted)
{
    await Task.WhenAny(all, Task.Delay(1000));
    var s = center.GetStatistics();
    Console.WriteLine($"-- live: waiting {s.Waiting}, connected {s.Connected}, closed {s.Closed}, messages in/out {s.MessagesIn}/{s.MessagesOut}, agents available {s.AgentsAvailable}/{s.AgentsLoggedIn}");
}

await all;
// The last wrap-ups may still be on their way to the store: give them a moment before the final count.
for (var i = 0; i < 50 && center.GetStatistics().Closed < customers; i++)
{
    await Task.Delay(100);
}

var final = center.GetStatistics();
Console.WriteLine($"Done: {customers} customers served, {final.Closed} interactions closed, {final.MessagesIn} messages in, {final.MessagesOut} out.");
await stop.CancelAsync();
await host.StopAsync();
await Task.WhenAny(Task.WhenAll(agents.Append(printer)), Task.Delay(2000));
