namespace ContactCenter.Ivr.Primitives.Menu;

/// <summary>One choice of a menu (or of the leave-the-queue options of Enqueue).</summary>
public sealed class MenuChoice
{
    /// <summary>Creates an empty choice (for JSON).</summary>
    public MenuChoice()
    {
    }

    /// <summary>Creates a choice.</summary>
    /// <param name="key">The DTMF key / button payload / number in the text list, e.g. <c>1</c>.</param>
    /// <param name="label">What the customer sees or hears, e.g. <c>Sales</c>.</param>
    /// <param name="target">The node to go to.</param>
    public MenuChoice(string key, string label, string target)
    {
        Key = key;
        Label = label;
        Target = target;
    }

    /// <summary>The DTMF key, button payload and list number (e.g. <c>1</c>). Required, unique within a menu.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>What the customer sees or hears. Typing the label also selects the choice. Default: the key.</summary>
    public string? Label { get; set; }

    /// <summary>The node to go to. Required.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>Other words that select the choice when typed or spoken (e.g. <c>buy</c> for Sales).</summary>
    public IList<string> Synonyms { get; set; } = new List<string>();
}
