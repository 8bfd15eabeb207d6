using System.Text.Json.Serialization;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Menu;

/// <summary>Options of Menu: a prompt and choices. Voice speaks "For Sales, press 1."; text channels show buttons
/// where they have them and a numbered list otherwise. The customer answers with a key, a button, the number, or
/// the label/synonym typed or spoken. Invalid input and silence are retried; then <see cref="Default"/> is taken.</summary>
public sealed class MenuOptions : NodeOptions
{
    /// <summary>The prompt; <c>{variable}</c> placeholders are replaced. Required.</summary>
    public string Prompt { get; set; } = string.Empty;

    /// <summary>The choices (at least one; keys unique).</summary>
    public IList<MenuChoice> Choices { get; set; } = new List<MenuChoice>();

    /// <summary>How long to wait for an answer each time. Default: 10 s; allowed 1 s to 1 h.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times the menu is repeated after invalid input or silence. Default: 2; allowed 0 to 10.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Said after invalid input before the menu is repeated.</summary>
    public string InvalidPrompt { get; set; } = "Sorry, that is not one of the options.";

    /// <summary>Said after silence before the menu is repeated.</summary>
    public string TimeoutPrompt { get; set; } = "Sorry, I did not get an answer.";

    /// <summary>Where to go when the retries are used up. Default: <see cref="NodeOptions.Next"/> / the next node.</summary>
    public string? Default { get; set; }

    /// <summary>A variable that receives the chosen key, or null.</summary>
    public string? Variable { get; set; }

    /// <summary>Whether voice prompts announce each choice. Default: true.</summary>
    public bool AnnounceChoices { get; set; } = true;

    /// <summary>How a choice is spoken. Default: <c>For {label}, press {key}.</c></summary>
    public string VoiceChoiceFormat { get; set; } = "For {label}, press {key}.";

    /// <summary>How a choice is listed on text channels without buttons. Default: <c>{key}. {label}</c></summary>
    public string TextChoiceFormat { get; set; } = "{key}. {label}";

    /// <summary>Called for every answer, invalid input, time-out and when the retries are used up.</summary>
    [JsonIgnore]
    public Func<MenuArguments, ValueTask>? OnInput { get; set; }

    internal override FlowNode CreateNode(string id) => new MenuNode(id, this);
}
