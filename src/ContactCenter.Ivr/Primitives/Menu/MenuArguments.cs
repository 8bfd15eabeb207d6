namespace ContactCenter.Ivr.Primitives.Menu;

/// <summary>Raised by Menu for every answer.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="NodeId">The node.</param>
/// <param name="Result">What happened.</param>
/// <param name="Key">The chosen key, when <see cref="MenuInputResult.Chosen"/>.</param>
/// <param name="Input">The raw input (empty on time-out).</param>
/// <param name="Attempt">1 for the first prompt, 2 for the first retry, …</param>
public readonly record struct MenuArguments(
    InteractionId InteractionId,
    string NodeId,
    MenuInputResult Result,
    string? Key,
    string Input,
    int Attempt);
