namespace ContactCenter.Ivr.Primitives.BotAnswer;

/// <summary>Raised by BotAnswer on every turn.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Question">What the customer said (empty on time-out).</param>
/// <param name="Result">What the bot did.</param>
/// <param name="RuleIndex">The rule that answered, or -1.</param>
/// <param name="Intent">The recognised intent, or null.</param>
public readonly record struct BotAnswerArguments(InteractionId InteractionId, string NodeId, string Question, BotTurnResult Result, int RuleIndex, string? Intent);
