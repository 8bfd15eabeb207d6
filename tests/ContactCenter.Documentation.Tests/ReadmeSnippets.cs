using ContactCenter.Channels;
using ContactCenter.Ivr.Services;
using ContactCenter.Testing;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Documentation.Tests;

// Each #region named "readme:<name>" is a C# block of README.md, character for character once the region's
// indentation is removed (ReadmeTests checks it). Change the code here, then copy the region into README.md.
internal static class ReadmeSnippets
{
    public static async Task ComposeAsync(string[] args, IChannelConnector myConnector)
    {
        #region readme:compose
        var builder = Host.CreateApplicationBuilder(args);
        builder.AddContactCenter(cc => cc
            .AddQueue("support", q => q with { ServiceLevelTarget = TimeSpan.FromSeconds(20) })
            .AddQueue("vip", q => q with { Priority = 10, RequiredSkills = q.RequiredSkills.Add("vip", 3) })
            .AddAgent("alice", ("vip", 5))
            .AddAgent("bob")
            .AddWrapUpCode("resolved", resolved: true)
            .AddChannel(myConnector)              // any IChannelConnector: SIP, email, web chat, Telegram...
            .UseSqliteStorage("data/cc.db"));     // embedded durable history (WAL, batched commits)
        using var host = builder.Build();
        await host.RunAsync();
        #endregion
    }

    public static void Flows(HostApplicationBuilder builder)
    {
        #region readme:flows
        builder.AddContactCenter(cc => cc
            .AddQueue("support")
            .AddFlowJsonFile("flows/shop.json")          // or .AddFlow("main", f => f.Say(...).Menu(...))
            .AddChannelFlow("webchat", "shop")
            .AddFlowLookup("order-status", (request, ct) =>
                ValueTask.FromResult(LookupResult.Success(new Dictionary<string, string> { ["status"] = "shipped" }))));
        #endregion
    }

    public static async Task<(string? CustomerRead, Interaction Interaction)> ConversationAsync()
    {
        #region readme:test-host
        await using var host = await ContactCenterTestHost.StartAsync(cc => cc.AddQueue("support").AddAgent("alice"));
        var alice = await host.LogInAgentAsync("alice");
        var ann = host.Customer(CustomerIdentity.Email("ann@example.com"));
        await ann.SayAsync("Where is my order?");
        var interaction = await alice.AcceptNextOfferAsync();
        await alice.ReplyAsync(interaction.Id, "It ships tomorrow.");
        Assert.Equal("It ships tomorrow.", await ann.ReceiveTextAsync());
        host.Clock.Advance(TimeSpan.FromSeconds(30));   // offers, SLAs and retries run on the fake clock
        #endregion
        return ("It ships tomorrow.", interaction);
    }
}
