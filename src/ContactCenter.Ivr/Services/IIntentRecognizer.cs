namespace ContactCenter.Ivr.Services;

/// <summary>
/// Plug-in for BotAnswer: an NLU service or an LLM. The bot asks it first; a result with
/// <see cref="IntentResult.Intent"/> equal to a rule's intent selects that rule, <see cref="IntentResult.HandoffIntent"/>
/// hands off to a person, and an <see cref="IntentResult.Answer"/> is said as is. Below the node's minimum
/// confidence the keyword/regex rules decide.
/// </summary>
public interface IIntentRecognizer
{
    /// <summary>Recognises the intent of one customer utterance.</summary>
    /// <param name="text">What the customer wrote or said.</param>
    /// <param name="interactionId">The interaction.</param>
    /// <param name="variables">The flow variables (read-only).</param>
    /// <param name="cancellationToken">Cancels recognition.</param>
    /// <returns>The intent, or <see cref="IntentResult.None"/>.</returns>
    ValueTask<IntentResult> RecognizeAsync(
        string text,
        InteractionId interactionId,
        IReadOnlyDictionary<string, string> variables,
        CancellationToken cancellationToken);
}
