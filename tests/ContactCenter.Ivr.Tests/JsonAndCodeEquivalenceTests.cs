using ContactCenter.Testing;

namespace ContactCenter.Ivr.Tests;

public sealed class JsonAndCodeEquivalenceTests
{
    /// <summary>Scripts covering every branch of the shop flow.</summary>
    public static TheoryData<string> Scripts => new()
    {
        "voice:1,1234#",
        "voice:1,9999#",
        "voice:1,5555#",
        "voice:1,6666#",
        "voice:7,5,~",
        "voice:~,~,~",
        "voice:2,~,8,1",
        "voice:2,9",
        "voice:3,@delivery?,@human,~",
        "buttons:1,12 34",
        "buttons:2,~,~,~,~",
        "buttons:3,@when are you open,@bye",
        "text:sales,callback,yes,+4930123456",
        "text:order,abc,1234",
        "text:3,@qwerty,@asdf,~",
    };

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task JsonAndCode_SameScript_SameBehaviour(string script)
    {
        var fromCode = await RunAsync(script, fromJson: false);
        var fromJson = await RunAsync(script, fromJson: true);

        Assert.Equal(fromCode.Transcript, fromJson.Transcript);
        Assert.Equal(fromCode.Path, fromJson.Path);
        Assert.Equal(fromCode.Result.Outcome, fromJson.Result.Outcome);
        Assert.Equal(fromCode.Result.NodeId, fromJson.Result.NodeId);
        Assert.Equal(fromCode.Result.Variables.OrderBy(v => v.Key), fromJson.Result.Variables.OrderBy(v => v.Key));
        Assert.Equal(fromCode.Elapsed, fromJson.Elapsed);
    }

    private static async Task<(string[] Transcript, string[] Path, FlowRunResult Result, TimeSpan Elapsed)> RunAsync(string script, bool fromJson)
    {
        var h = new Harness(fromJson);
        h.Host.InitialPosition = 2;
        h.Host.ConnectAfter = TimeSpan.FromSeconds(100);
        var parts = script.Split(':', 2);
        var steps = parts[1].Split(',');
        Sessions.IFlowSession session;
        Func<IEnumerable<string>> transcript;
        if (parts[0] == "voice")
        {
            var v = h.Voice();
            v.CustomerPhoneNumber = "+4930999";
            foreach (var step in steps)
            {
                _ = step switch
                {
                    "~" => v.Silence(),
                    _ when step.StartsWith('@') => v.Speak(step[1..]),
                    _ => v.Press(step),
                };
            }

            (session, transcript) = (v, () => v.Transcript);
        }
        else
        {
            var t = h.Chat(buttons: parts[0] == "buttons");
            foreach (var step in steps)
            {
                _ = step switch
                {
                    "~" => t.Silence(),
                    _ when step.StartsWith('@') => t.Type(step[1..]),
                    _ when parts[0] == "buttons" && step.Length == 1 => t.Tap(step),
                    _ => t.Type(step),
                };
            }

            (session, transcript) = (t, () => t.Transcript);
        }

        var start = h.Time.GetUtcNow();
        var result = await h.RunAsync(session);
        return (transcript().ToArray(), h.Path.ToArray(), result, h.Time.GetUtcNow() - start);
    }

    [Fact]
    public void Json_ParsesTimeoutsInEveryForm()
    {
        var flow = Json.FlowJson.Parse("""
        { "name": "t", "nodes": [
          { "id": "a", "type": "menu", "prompt": "p", "timeout": "1500ms", "choices": [ { "key": "1", "target": "b" } ], "default": "b" },
          { "id": "b", "type": "menu", "prompt": "p", "timeout": "00:00:02", "choices": [ { "key": "1", "target": "c" } ], "default": "c" },
          { "id": "c", "type": "menu", "prompt": "p", "timeout": 2.5, "choices": [ { "key": "1", "target": "d" } ], "default": "d" },
          { "id": "d", "type": "end" }
        ] }
        """);

        Assert.Equal(["a", "b", "c", "d"], flow.NodeIds);
        Assert.Equal("menu", flow.GetNodeKind("a"));
    }

    [Fact]
    public void ScriptedSessionOutput_IsReadable()
    {
        Assert.Equal("buttons: Pick [1:A]", new SessionOutput(SessionOutputKind.Buttons, "Pick", [new Sessions.FlowButton("1", "A")]).ToString());
    }
}
