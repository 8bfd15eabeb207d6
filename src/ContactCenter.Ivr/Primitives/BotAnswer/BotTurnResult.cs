namespace ContactCenter.Ivr.Primitives.BotAnswer;

/// <summary>What the bot did with one question.</summary>
public enum BotTurnResult
{
    /// <summary>A rule answered.</summary>
    Answered = 0,

    /// <summary>The recogniser's own answer was given.</summary>
    RecognizerAnswered,

    /// <summary>Nothing matched.</summary>
    Unmatched,

    /// <summary>Handed off to a person.</summary>
    Handoff,

    /// <summary>The customer ended the conversation (or stayed silent).</summary>
    Exit,
}
