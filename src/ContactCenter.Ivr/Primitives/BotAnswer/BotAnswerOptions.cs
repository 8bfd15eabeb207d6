using System.Text.Json.Serialization;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.BotAnswer;

/// <summary>
/// Options of BotAnswer: a conversation loop that answers standard questions by rules (keywords, regex, intents from
/// an <see cref="Services.IIntentRecognizer"/>) and hands off to a person (<see cref="Handoff"/>) when the customer
/// asks for one or when <see cref="MaxUnmatched"/> questions in a row match nothing. Saying goodbye or staying silent
/// for <see cref="Timeout"/> continues at Next.
/// </summary>
public sealed class BotAnswerOptions : NodeOptions
{
    /// <summary>Said once when the node starts, or null.</summary>
    public string? Greeting { get; set; }

    /// <summary>The rules, tried in order.</summary>
    public IList<BotRule> Rules { get; set; } = new List<BotRule>();

    /// <summary>Phrases that ask for a person (contained, case-insensitive, whole words).</summary>
    public IList<string> HandoffPhrases { get; set; } = new List<string> { "agent", "operator", "human", "person", "representative" };

    /// <summary>A key that asks for a person on voice. Default: <c>0</c>.</summary>
    public string? HandoffKey { get; set; } = "0";

    /// <summary>Where a hand-off goes (e.g. an Enqueue node). Required.</summary>
    public string? Handoff { get; set; }

    /// <summary>Said before handing off.</summary>
    public string HandoffMessage { get; set; } = "Let me connect you with a colleague.";

    /// <summary>Whole messages that end the conversation (continue at Next).</summary>
    public IList<string> ExitPhrases { get; set; } = new List<string> { "bye", "goodbye", "thanks", "thank you", "no", "no thanks" };

    /// <summary>Said after an answer when the conversation continues, or null.</summary>
    public string? FollowUp { get; set; } = "Can I help with anything else?";

    /// <summary>Said when a question matches nothing (and no hand-off yet).</summary>
    public string NoMatchReply { get; set; } = "Sorry, I did not understand. Could you rephrase?";

    /// <summary>Unmatched questions in a row before handing off. Default: 2; allowed 1 to 10.</summary>
    public int MaxUnmatched { get; set; } = 2;

    /// <summary>Questions answered before handing off anyway. Default: 20.</summary>
    public int MaxTurns { get; set; } = 20;

    /// <summary>How long to wait for the next question. Default: 2 min; allowed 1 s to 1 h.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The minimum recogniser confidence for an intent to count. Default: 0.6.</summary>
    public double MinConfidence { get; set; } = 0.6;

    /// <summary>The variable that receives the last question. Default: <c>bot.question</c>.</summary>
    public string Variable { get; set; } = "bot.question";

    /// <summary>Called on every turn.</summary>
    [JsonIgnore]
    public Func<BotAnswerArguments, ValueTask>? OnTurn { get; set; }

    internal override FlowNode CreateNode(string id) => new BotAnswerNode(id, this);
}
