using ContactCenter.Ivr.Services;
using ContactCenter.Ivr.State;
using ContactCenter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Ivr.Tests;

/// <summary>A runner over the shop flow on a fake clock with a scripted host.</summary>
internal sealed class Harness
{
    public Harness(
        bool fromJson = false,
        DateTimeOffset? now = null,
        IFlowStateStore? store = null,
        IIntentRecognizer? recognizer = null,
        FlowStateSaveMode saveMode = FlowStateSaveMode.EveryStep)
    {
        Time = new FakeTimeProvider(now ?? ShopFlows.OpenMonday);
        Host = new ScriptedFlowHost(Time);
        Store = store ?? new InMemoryFlowStateStore();
        Runner = new FlowRunner(ShopFlows.Catalog(fromJson, Time), new FlowRunnerOptions
        {
            TimeProvider = Time,
            Host = Host,
            StateStore = Store,
            SaveMode = saveMode,
            IntentRecognizer = recognizer,
            OnStep = e =>
            {
                lock (Steps)
                {
                    Steps.Add(e);
                }

                return ValueTask.CompletedTask;
            },
        });
    }

    public FakeTimeProvider Time { get; }

    public ScriptedFlowHost Host { get; }

    public IFlowStateStore Store { get; }

    public FlowRunner Runner { get; }

    public List<FlowStepArguments> Steps { get; } = new();

    public IEnumerable<string> Path => Steps.Select(s => s.NodeId);

    public ScriptedVoiceSession Voice(string id = "call-1") => new(id, Time.Advance);

    public ScriptedTextSession Chat(string id = "chat-1", bool buttons = true) => new(id, Time.Advance, buttons);

    public async Task<FlowRunResult> RunAsync(Sessions.IFlowSession session) =>
        await Runner.RunAsync(session, TestContext.Current.CancellationToken);
}

/// <summary>The three ways a customer answers a menu: a key, a button, a typed number.</summary>
public enum Medium
{
    Voice,
    ChatButtons,
    ChatText,
}

internal static class MediumExtensions
{
    /// <summary>A session whose <c>Answer</c> delivers a choice/entry in the way of the medium.</summary>
    public static MediumSession Session(this Harness h, Medium medium, string id = "i-1") => medium switch
    {
        Medium.Voice => new MediumSession(h.Voice(id)),
        Medium.ChatButtons => new MediumSession(h.Chat(id, buttons: true)),
        _ => new MediumSession(h.Chat(id, buttons: false)),
    };
}

/// <summary>Scripts the same conversation on any medium: a menu answer is a key press on voice, a button press in
/// a chat with buttons and a typed number elsewhere; an entry is keys + # on voice and a typed message in chats.</summary>
internal sealed class MediumSession
{
    public MediumSession(ScriptedVoiceSession voice) => Voice = voice;

    public MediumSession(ScriptedTextSession text) => Text = text;

    public ScriptedVoiceSession? Voice { get; }

    public ScriptedTextSession? Text { get; }

    public Sessions.IFlowSession Session => (Sessions.IFlowSession?)Voice ?? Text!;

    public IEnumerable<string> Transcript => Voice?.Transcript ?? Text!.Transcript;

    /// <summary>All rendered texts (prompts, messages, button captions) regardless of medium.</summary>
    public IEnumerable<string> Said => (Voice?.Output ?? Text!.Output).Select(o => o.Text);

    public MediumSession Choose(string key)
    {
        if (Voice is not null)
        {
            Voice.Press(key);
        }
        else if (Text!.Capabilities.HasFlag(Sessions.SessionCapabilities.Buttons))
        {
            Text.Tap(key);
        }
        else
        {
            Text.Type(key);
        }

        return this;
    }

    public MediumSession Enter(string digits)
    {
        if (Voice is not null)
        {
            Voice.Press(digits + "#");
        }
        else
        {
            Text!.Type(digits);
        }

        return this;
    }

    public MediumSession Say(string text)
    {
        if (Voice is not null)
        {
            Voice.Speak(text);
        }
        else
        {
            Text!.Type(text);
        }

        return this;
    }

    public MediumSession Silence()
    {
        if (Voice is not null)
        {
            Voice.Silence();
        }
        else
        {
            Text!.Silence();
        }

        return this;
    }

    public MediumSession HangUp()
    {
        if (Voice is not null)
        {
            Voice.HangUp();
        }
        else
        {
            Text!.HangUp();
        }

        return this;
    }

    public MediumSession Pause()
    {
        if (Voice is not null)
        {
            Voice.Pause();
        }
        else
        {
            Text!.Pause();
        }

        return this;
    }
}
