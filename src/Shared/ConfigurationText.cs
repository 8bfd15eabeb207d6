#pragma warning disable IDE0130 // One source file compiled into several packages (Abstractions, Routing, Sip, Media): it cannot follow each one's folder.
namespace ContactCenter;
#pragma warning restore IDE0130

/// <summary>
/// The one format of a configuration problem, compiled into every package that validates options, including the
/// BCL-only ones (Routing, Sip, Media) that cannot reference Abstractions' public <c>ConfigurationProblem</c>:
/// <c>{path}: section '{section}', item '{item}', option '{option}': {problem}; allowed: {allowed}.</c>
/// </summary>
internal static class ConfigurationText
{
    /// <summary>Formats a problem; see <c>ConfigurationProblem.Format</c>.</summary>
    public static string Format(string section, string? item, string? option, string problem, string? allowed = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        ArgumentException.ThrowIfNullOrEmpty(problem);
        var path = section;
        var names = $"section '{section}'";
        if (!string.IsNullOrEmpty(item))
        {
            path += ":" + item;
            names += $", item '{item}'";
        }

        if (!string.IsNullOrEmpty(option))
        {
            path += ":" + option;
            names += $", option '{option}'";
        }

        var text = $"{path}: {names}: {problem}";
        if (!string.IsNullOrEmpty(allowed))
        {
            text += "; allowed: " + allowed;
        }

        return text.EndsWith('.') ? text : text + ".";
    }
}
