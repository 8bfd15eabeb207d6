using ContactCenter.Ivr.Json;
using ContactCenter.Ivr.Primitives.BusinessHours;
using ContactCenter.Ivr.Primitives.Lookup;
using ContactCenter.Ivr.Primitives.Menu;

namespace ContactCenter.Ivr.Tests;

public sealed class ValidationTests
{
    [Fact]
    public void Json_WithSeveralProblems_ListsThemAllInOneException()
    {
        const string json = """
        {
          "name": "broken",
          "nodes": [
            { "id": "menu", "type": "menu", "prompt": "Pick", "timeout": 0,
              "choices": [ { "key": "1", "target": "nowhere" } ], "default": "end" },
            { "id": "branch", "type": "branch", "cases": [ { "when": [ { "source": "variable", "name": "x", "value": "1" } ], "target": "end" } ] },
            { "id": "lookup", "type": "lookup", "lookup": "crm", "timeout": "10m", "onError": "end" },
            { "id": "orphan", "type": "say", "text": "nobody comes here", "next": "end" },
            { "id": "end", "type": "end" },
            { "id": "end", "type": "end" },
            { "id": "x", "type": "teleport" },
            { "id": "hours", "type": "businessHours", "timeZone": "Mars/Olympus", "weekly": [], "closed": "end", "colsed": "end" }
          ]
        }
        """;

        var ex = Assert.Throws<FlowValidationException>(() => FlowJson.Parse(json));

        var messages = ex.Problems.Select(p => p.ToString()).ToArray();
        Assert.Contains(messages, m => m.Contains("option 'Nodes:menu'", StringComparison.Ordinal) && m.Contains("targets unknown node 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("option 'Nodes:menu:Timeout'", StringComparison.Ordinal) && m.Contains("is out of range", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("option 'Nodes:branch'", StringComparison.Ordinal) && m.Contains("missing default branch", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("option 'Nodes:lookup:Timeout'", StringComparison.Ordinal) && m.Contains("is out of range", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("option 'Nodes:orphan'", StringComparison.Ordinal) && m.Contains("unreachable", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("option 'Nodes:end'", StringComparison.Ordinal) && m.Contains("duplicate node id", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("option 'Nodes:x'", StringComparison.Ordinal) && m.Contains("unknown type \"teleport\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("option 'Nodes:hours'", StringComparison.Ordinal) && m.Contains("colsed", StringComparison.Ordinal));
        Assert.True(ex.Problems.Count >= 8, ex.Message);
        Assert.Contains("problem(s)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_WithSeveralProblems_ListsThemAllInOneException()
    {
        var builder = new FlowBuilder("broken")
            .Menu("menu", new MenuOptions { Prompt = "Pick", MaxRetries = 50, Choices = { new MenuChoice("1", "One", "gone") } })
            .BusinessHours("hours", new BusinessHoursOptions
            {
                TimeZone = "Mars/Olympus",
                Weekly = { new WeeklyHours { Days = { DayOfWeek.Monday }, Open = "9am", Close = "17:00" } },
            })
            .Say("last", "no End after me");

        var ex = Assert.Throws<FlowValidationException>(() => builder.Build());

        var messages = ex.Problems.Select(p => p.ToString()).ToArray();
        Assert.Contains(messages, m => m == $"Flows:broken:Nodes:menu:MaxRetries: section 'Flows', item 'broken', option 'Nodes:menu:MaxRetries': 50 is out of range; allowed: 0 to {FlowLimits.MaxRetries}.");
        Assert.Contains(messages, m => m.Contains("unknown node 'gone'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'Mars/Olympus' is not a known time zone", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Weekly[0].Open must be a time HH:mm", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("option 'Nodes:hours'", StringComparison.Ordinal) && m.Contains("missing default branch: Closed", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("option 'Nodes:last'", StringComparison.Ordinal) && m.Contains("nothing follows this node", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalog_ListsProblemsOfEveryFlowAndCrossReferences()
    {
        var catalog = new FlowCatalog()
            .Add("a", f => f.SubFlow("call", "missing").Lookup("l", new LookupOptions { Lookup = "crm", OnError = "end" }).End("end"))
            .Add("b", f => f.Goto("loop", "nowhere"))
            .AddJson("{ not json", "bad.json")
            .AddFromJson("/no/such/file.json")
            .BindChannel("telegram", "ghost");

        var ex = Assert.Throws<FlowValidationException>(catalog.Build);

        var messages = ex.Problems.Select(p => p.ToString()).ToArray();
        Assert.Contains(messages, m => m.Contains("unknown flow 'missing'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("Lookup 'crm' is not registered", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Flows:b:Nodes:loop: section 'Flows', item 'b', option 'Nodes:loop': ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Flows:bad.json: section 'Flows', item 'bad.json': ", StringComparison.Ordinal) && m.Contains("invalid JSON", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("cannot read the flow file", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'telegram' is bound to an unknown flow", StringComparison.Ordinal));
        Assert.False(catalog.IsBuilt);
    }

    [Fact]
    public void Catalog_AfterBuild_IsFrozen()
    {
        var catalog = new FlowCatalog().Add("a", f => f.End("end"));
        catalog.Build();

        Assert.Throws<InvalidOperationException>(() => catalog.Add("b", f => f.End("end")));
        Assert.Equal("a", catalog.ResolveFlow("anything", null)!.Name);
    }

    [Fact]
    public void Catalog_ResolvesEntryPointBeforeChannel()
    {
        var catalog = new FlowCatalog()
            .Add("a", f => f.End("end"))
            .Add("b", f => f.End("end"))
            .AddJson("""{ "name": "c", "entryPoints": ["+15550100"], "nodes": [ { "id": "end", "type": "end" } ] }""")
            .BindChannel("voice", "a")
            .SetDefaultFlow("b");
        catalog.Build();

        Assert.Equal("c", catalog.ResolveFlow("voice", "+15550100")!.Name);
        Assert.Equal("a", catalog.ResolveFlow("VOICE", "+15550199")!.Name);
        Assert.Equal("b", catalog.ResolveFlow("telegram", null)!.Name);
    }

    [Fact]
    public void CatalogValidate_OneBrokenFlow_ReturnsItsProblemsAndTheFlowsThatBuilt()
    {
        var catalog = new FlowCatalog()
            .Add("broken", f => f.Menu("menu", "Pick one", new MenuChoice("1", "Sales", "nowhere")).End("bye"))
            .Add("other", f => f.Enqueue("queue", "sales", next: "sorry").End("sorry", "Sorry."))
            .BindChannel("webchat", "other");

        var validation = catalog.Validate();

        var problem = Assert.Single(validation.Problems);
        Assert.Equal(("broken", "menu"), (problem.Flow, problem.NodeId));
        Assert.Equal(["sales"], Assert.Single(validation.Flows).QueueReferences);
        Assert.Equal(["webchat"], validation.BoundChannels);
        Assert.False(catalog.IsBuilt);
    }

    [Fact]
    public void FlowRunner_MaxStepsWithoutInputZero_ThrowsNamingSectionOptionAndWhatIsAllowed()
    {
        var catalog = new FlowCatalog().Add("main", f => f.End("end"));

        var ex = Assert.Throws<ContactCenterConfigurationException>(() => new FlowRunner(catalog, new FlowRunnerOptions { MaxStepsWithoutInput = 0 }));

        Assert.Equal(
            ["FlowRunnerOptions:MaxStepsWithoutInput: section 'FlowRunnerOptions', option 'MaxStepsWithoutInput': 0 is less than 1; allowed: 1 or more."],
            ex.Problems);
    }

    [Fact]
    public void FlowValidationProblem_ToString_UsesTheConfigurationProblemFormat()
    {
        var problem = new FlowValidationProblem("shop", "menu", "Prompt is required.");

        Assert.Equal("Flows:shop:Nodes:menu: section 'Flows', item 'shop', option 'Nodes:menu': Prompt is required.", problem.ToString());
    }
}
