using System.Text.Json.Serialization;

namespace ContactCenter.Ivr.Primitives.Collect;

/// <summary>Shared options of CollectDigits and CollectInput: prompt, length, terminator, time-out, validation and
/// retries. The accepted value goes into <see cref="Variable"/> and the flow continues at Next; after the retries
/// it continues at <see cref="Default"/>.</summary>
public abstract class CollectOptions : NodeOptions
{
    private protected CollectOptions()
    {
    }

    /// <summary>The prompt; <c>{variable}</c> placeholders are replaced. Required.</summary>
    public string Prompt { get; set; } = string.Empty;

    /// <summary>The variable that receives the value. Required.</summary>
    public string Variable { get; set; } = string.Empty;

    /// <summary>The fewest characters accepted. Default: 1.</summary>
    public int MinLength { get; set; } = 1;

    /// <summary>The most characters accepted; entry of digits stops when reached.</summary>
    public abstract int MaxLength { get; set; }

    /// <summary>The key that ends an entry of digits (not part of the value), or null.</summary>
    public abstract string? Terminator { get; set; }

    /// <summary>How long to wait for the (next) input. Default: 10 s; allowed 1 s to 1 h.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A regular expression the whole value must match (case-insensitive), or null.</summary>
    public string? Pattern { get; set; }

    /// <summary>How many times the prompt is repeated after invalid input or silence. Default: 2; allowed 0 to 10.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Said after an invalid value before asking again.</summary>
    public string InvalidPrompt { get; set; } = "Sorry, that is not valid.";

    /// <summary>Said after silence before asking again.</summary>
    public string TimeoutPrompt { get; set; } = "Sorry, I did not get an answer.";

    /// <summary>Where to go when the retries are used up. Default: Next / the next node.</summary>
    public string? Default { get; set; }

    /// <summary>Called for every value, invalid value, time-out and when the retries are used up.</summary>
    [JsonIgnore]
    public Func<CollectArguments, ValueTask>? OnInput { get; set; }

    internal abstract bool DigitsOnly { get; }
}
