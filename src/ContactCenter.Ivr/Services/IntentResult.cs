namespace ContactCenter.Ivr.Services;

/// <summary>What an <see cref="IIntentRecognizer"/> understood.</summary>
/// <param name="Intent">The intent name, or null when nothing was recognised.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Answer">A ready answer (e.g. from an LLM), used when no rule names the intent; or null.</param>
public readonly record struct IntentResult(string? Intent, double Confidence, string? Answer = null)
{
    /// <summary>Nothing recognised.</summary>
    public static IntentResult None => new(null, 0);

    /// <summary>The intent name a recogniser returns when the customer asks for a person.</summary>
    public const string HandoffIntent = "handoff";
}
