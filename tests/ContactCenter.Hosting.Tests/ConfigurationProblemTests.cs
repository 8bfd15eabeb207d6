using ContactCenter.Ivr;
using ContactCenter.Ivr.Primitives.Menu;
using ContactCenter.Testing;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Hosting.Tests;

/// <summary>
/// What a new user gets wrong: each mistake fails at start, in one <see cref="ContactCenterConfigurationException"/>
/// whose problem names the section, the item and the option and says what is allowed.
/// </summary>
public class ConfigurationProblemTests
{
    /// <summary>A file path no process can create: /proc is read-only even for root.</summary>
    private const string ReadOnlyDatabase = "/proc/contactcenter-config-test/cc.db";

    private static readonly Dictionary<string, Action<IContactCenterBuilder>> s_mistakes = new()
    {
        ["agent skill level -1"] = cc => cc.AddQueue("support").AddAgent("bob", ("billing", -1)),
        ["agent skill level 11"] = cc => cc.AddQueue("support").AddAgent("bob", ("billing", 11)),
        ["duplicate wrap-up code"] = cc => cc.AddQueue("support").AddWrapUpCode("resolved").AddWrapUpCode("Resolved"),
        ["AddChannelQueue typo"] = cc => cc.AddQueue("support").AddChannelQueue("caht", "support"),
        ["AddChannelFlow typo"] = cc => cc.AddQueue("support").AddFlow("main", f => f.End("bye", "Bye.")).AddChannelFlow("caht", "main"),
        ["no queue"] = cc => { },
        ["SQLite folder read-only"] = cc => cc.AddQueue("support").UseSqliteStorage(ReadOnlyDatabase),
        ["queue priority out of range"] = cc => cc.AddQueue("support", q => q with { Priority = 5000 }),
    };

    /// <summary>Case → (section, item, option, a fragment of what is allowed).</summary>
    public static TheoryData<string, string, string?, string?, string> Mistakes => new()
    {
        { "agent skill level -1", "ContactCenter:Agents", "bob", "Skills:billing", "0 to 10" },
        { "agent skill level 11", "ContactCenter:Agents", "bob", "Skills:billing", "0 to 10" },
        { "duplicate wrap-up code", "ContactCenter:WrapUpCodes", "Resolved", "Code", "each code once" },
        { "AddChannelQueue typo", "ContactCenter:ChannelQueues", "caht", null, "'chat'" },
        { "AddChannelFlow typo", "ContactCenter:Flows:Channels", "caht", null, "'chat'" },
        { "no queue", "ContactCenter:Queues", null, null, "at least one queue" },
        { "SQLite folder read-only", "ContactCenter:Storage:Sqlite", null, "DataSource", "a folder this process can write to" },
        { "queue priority out of range", "ContactCenter:Queues", "support", "Priority", "0 to 1000" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Start_OneMistake_FailsNamingSectionItemOptionAndWhatIsAllowed(string mistake, string section, string? item, string? option, string allowed)
    {
        Assert.SkipWhen(mistake.StartsWith("SQLite", StringComparison.Ordinal) && !OperatingSystem.IsLinux(), "needs /proc");

        var ex = await StartAsync(s_mistakes[mistake]);

        var problem = Assert.Single(ex.Problems);
        Assert.Contains($"section '{section}'", problem, StringComparison.Ordinal);
        if (item is not null)
        {
            Assert.Contains($"item '{item}'", problem, StringComparison.Ordinal);
        }

        if (option is not null)
        {
            Assert.Contains($"option '{option}'", problem, StringComparison.Ordinal);
        }

        Assert.Contains("; allowed: ", problem, StringComparison.Ordinal);
        Assert.Contains(allowed, problem[problem.IndexOf("; allowed: ", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EveryMistakeAtOnce_OneExceptionListsEveryOne()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "needs /proc");

        // No queue at all, so no other mistake can lean on one.
        var ex = await StartAsync(cc => cc
            .AddAgent("bob", ("billing", -1), ("sales", 11))
            .AddWrapUpCode("resolved").AddWrapUpCode("Resolved")
            .AddChannelQueue("caht", "support")
            .AddFlow("main", f => f.End("bye", "Bye.")).AddChannelFlow("caht", "main")
            .UseSqliteStorage(ReadOnlyDatabase));

        string[] expected =
        [
            "ContactCenter:Agents:bob:Skills:billing:",
            "ContactCenter:Agents:bob:Skills:sales:",
            "ContactCenter:WrapUpCodes:Resolved:Code:",
            "ContactCenter:ChannelQueues:caht: section 'ContactCenter:ChannelQueues', item 'caht': queue 'support' is not configured",
            "ContactCenter:ChannelQueues:caht: section 'ContactCenter:ChannelQueues', item 'caht': queue for channel 'caht'",
            "ContactCenter:Flows:Channels:caht:",
            "ContactCenter:Queues: section 'ContactCenter:Queues': no queue is configured",
            "ContactCenter:Storage:Sqlite:DataSource:",
        ];
        foreach (var start in expected)
        {
            Assert.Contains(ex.Problems, p => p.StartsWith(start, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, ex.Problems.Count);
        Assert.All(ex.Problems, p => Assert.Contains("; allowed: ", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_OneBrokenFlow_OtherFlowsAreStillChecked()
    {
        var ex = await StartAsync(cc => cc
            .AddQueue("support")
            .AddFlow("broken", f => f.Menu("menu", "Pick one", new MenuChoice("1", "Sales", "nowhere")).End("bye"))
            .AddFlow("other", f => f.Enqueue("queue", "sales", next: "sorry").End("sorry", "Sorry.")));

        Assert.Contains(ex.Problems, p => p.StartsWith("ContactCenter:Flows:broken:", StringComparison.Ordinal) && p.Contains("'nowhere'", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("ContactCenter:Flows:other:", StringComparison.Ordinal)
            && p.Contains("queue 'sales' is not configured", StringComparison.Ordinal) && p.Contains("allowed: 'support'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_SqliteFolderWritable_StartsAndCreatesTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("cc-config-");
        try
        {
            var path = Path.Combine(folder.FullName, "data", "cc.db");
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            builder.AddContactCenter(cc => cc.AddQueue("support").AddChannel(new InMemoryChannel("chat")).UseSqliteStorage(path));
            using var host = builder.Build();

            await host.StartAsync(TestContext.Current.CancellationToken);
            await host.StopAsync(TestContext.Current.CancellationToken);

            Assert.True(File.Exists(path));
            Assert.Empty(Directory.GetFiles(Path.Combine(folder.FullName, "data"), ".contactcenter-write-probe-*"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<ContactCenterConfigurationException> StartAsync(Action<IContactCenterBuilder> compose)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddContactCenter(cc =>
        {
            cc.AddChannel(new InMemoryChannel("chat"));
            compose(cc);
        });
        using var host = builder.Build();
        return await Assert.ThrowsAsync<ContactCenterConfigurationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }
}
