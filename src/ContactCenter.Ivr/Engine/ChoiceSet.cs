using ContactCenter.Ivr.Primitives.Menu;
using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Ivr.Engine;

/// <summary>A prompt with choices, pre-rendered once per flow for each way a session can show it: spoken
/// ("For Sales, press 1."), as buttons, or as a numbered list.</summary>
internal sealed class ChoiceSet
{
    private readonly Template _prompt;
    private readonly string[] _keys;
    private readonly string[][] _aliases;
    private readonly string _voiceSuffix;
    private readonly string _listSuffix;
    private readonly string? _voiceText;
    private readonly string? _listText;

    public ChoiceSet(Template prompt, IList<MenuChoice> choices, string voiceFormat, string textFormat, bool announce)
    {
        _prompt = prompt;
        _keys = new string[choices.Count];
        _aliases = new string[choices.Count][];
        Buttons = new FlowButton[choices.Count];
        var voice = new System.Text.StringBuilder();
        var list = new System.Text.StringBuilder();
        for (var i = 0; i < choices.Count; i++)
        {
            var c = choices[i];
            var key = c.Key ?? string.Empty;
            var label = string.IsNullOrEmpty(c.Label) ? key : c.Label;
            _keys[i] = key;
            var aliases = new List<string>(1 + (c.Synonyms?.Count ?? 0));
            if (!string.IsNullOrEmpty(c.Label))
            {
                aliases.Add(c.Label);
            }

            if (c.Synonyms is not null)
            {
                aliases.AddRange(c.Synonyms.Where(s => !string.IsNullOrWhiteSpace(s)));
            }

            _aliases[i] = aliases.ToArray();
            Buttons[i] = new FlowButton(key, label);
            if (announce)
            {
                voice.Append(' ').Append(voiceFormat.Replace("{label}", label, StringComparison.Ordinal).Replace("{key}", key, StringComparison.Ordinal));
            }

            list.Append('\n').Append(textFormat.Replace("{label}", label, StringComparison.Ordinal).Replace("{key}", key, StringComparison.Ordinal));
        }

        _voiceSuffix = voice.ToString();
        _listSuffix = list.ToString();
        if (prompt.IsConstant)
        {
            _voiceText = (prompt.Source + _voiceSuffix).Trim();
            _listText = (prompt.Source + _listSuffix).Trim();
        }
    }

    public FlowButton[] Buttons { get; }

    public int Count => _keys.Length;

    /// <summary>The index of the choice the input selects, or -1.</summary>
    public int Match(in FlowInput input)
    {
        if (!input.HasValue)
        {
            return -1;
        }

        var value = input.Value.AsSpan().Trim();
        for (var i = 0; i < _keys.Length; i++)
        {
            if (value.Equals(_keys[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        if (input.Kind is FlowInputKind.Digits)
        {
            return -1;
        }

        // Typed or spoken answers may name the choice instead of its key ("sales", "Support").
        for (var i = 0; i < _aliases.Length; i++)
        {
            foreach (var alias in _aliases[i])
            {
                if (value.Equals(alias, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    public string KeyAt(int index) => _keys[index];

    /// <summary>True when <paramref name="digits"/> starts a longer key (e.g. "1" of "10"): a voice menu then waits
    /// for the next key instead of rejecting the first.</summary>
    public bool StartsLongerKey(string digits)
    {
        foreach (var key in _keys)
        {
            if (key.Length > digits.Length && key.StartsWith(digits, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public ValueTask PresentAsync(FlowExecution x)
    {
        if (x.IsVoice)
        {
            return x.SpeakAsync(_voiceText ?? (_prompt.Render(x.Variables) + _voiceSuffix).Trim(), null);
        }

        if (x.HasButtons)
        {
            return x.Text!.SendButtonsAsync(_prompt.Render(x.Variables), Buttons, x.Cancellation);
        }

        return x.Text!.SendTextAsync(_listText ?? (_prompt.Render(x.Variables) + _listSuffix).Trim(), x.Cancellation);
    }
}
