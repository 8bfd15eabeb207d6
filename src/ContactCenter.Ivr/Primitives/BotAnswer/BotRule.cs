namespace ContactCenter.Ivr.Primitives.BotAnswer;

/// <summary>A rule of BotAnswer: when the customer's text contains one of the <see cref="Keywords"/> (as words),
/// matches <see cref="Pattern"/>, or the recogniser returns <see cref="Intent"/>, the bot says <see cref="Answer"/>
/// and then continues the conversation, or goes to <see cref="Target"/> when set.</summary>
public sealed class BotRule
{
    /// <summary>Words or phrases that trigger the rule (case-insensitive, whole words).</summary>
    public IList<string> Keywords { get; set; } = new List<string>();

    /// <summary>A regular expression that triggers the rule (case-insensitive), or null.</summary>
    public string? Pattern { get; set; }

    /// <summary>An intent name (from <see cref="Services.IIntentRecognizer"/>) that triggers the rule, or null.</summary>
    public string? Intent { get; set; }

    /// <summary>The answer; <c>{variable}</c> placeholders are replaced. Required unless <see cref="Target"/> is set.</summary>
    public string? Answer { get; set; }

    /// <summary>Where to go after answering, or null to keep talking.</summary>
    public string? Target { get; set; }
}
