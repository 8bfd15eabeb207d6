namespace ContactCenter;

/// <summary>
/// Formats one configuration problem the same way in every package, so that a
/// <see cref="ContactCenterConfigurationException"/> reads as one list:
/// <c>ContactCenter:Agents:bob:Skills:billing: section 'ContactCenter:Agents', item 'bob', option 'Skills:billing':
/// level 11 is out of range; allowed: 0 to 10.</c> The message starts with the option's configuration path, so it can
/// be found in <c>appsettings.json</c> (where list items are numbered rather than named).
/// </summary>
public static class ConfigurationProblem
{
    /// <summary>Formats a problem.</summary>
    /// <param name="section">The configuration section, for example <c>ContactCenter:Queues</c>.</param>
    /// <param name="item">The item of the section (a queue's or agent's id, a list position), or <see langword="null"/> for a section-level option.</param>
    /// <param name="option">The option, for example <c>MaxLength</c>, or <see langword="null"/> when the problem is the item (or section) as a whole.</param>
    /// <param name="problem">What is wrong, with the value found where that helps.</param>
    /// <param name="allowed">What is allowed, or <see langword="null"/> when the problem says it.</param>
    /// <returns>The message.</returns>
    public static string Format(string section, string? item, string? option, string problem, string? allowed = null)
        => ConfigurationText.Format(section, item, option, problem, allowed);
}
