namespace ContactCenter.Routing;

/// <summary>
/// One step of a queue's escalation ("bullseye"): when its condition holds, the waiting interaction's
/// requirements are relaxed and/or it moves to another queue. Steps apply in order and only ever forward;
/// the interaction keeps its place (its original enqueue time) throughout.
/// </summary>
public sealed class EscalationStep
{
    /// <summary>Applies once the interaction has waited this long. Either this or <see cref="QueueLengthAtLeast"/> is required.</summary>
    public TimeSpan? AfterWait { get; set; }

    /// <summary>Applies to an interaction arriving when this many or more already wait in the queue.</summary>
    public int? QueueLengthAtLeast { get; set; }

    /// <summary>Skills no longer required from this step on (widening the set of agents).</summary>
    public IList<SkillSlot> RemoveSkills { get; } = [];

    /// <summary>Lowers every remaining minimum level by this much (not below 0). Default 0.</summary>
    public int LowerLevelsBy { get; set; }

    /// <summary>Drops the language requirement from this step on.</summary>
    public bool IgnoreLanguage { get; set; }

    /// <summary>Moves the interaction to this queue when the step applies.</summary>
    public QueueSlot? OverflowTo { get; set; }

    internal void Validate(string section, string item, List<string> problems)
    {
        string P(string? option, string problem, string? allowed = null) => ConfigurationText.Format(section, item, option, problem, allowed);
        if (AfterWait is null && QueueLengthAtLeast is null)
        {
            problems.Add(P(null, $"has neither {nameof(AfterWait)} nor {nameof(QueueLengthAtLeast)}", $"{nameof(AfterWait)}, {nameof(QueueLengthAtLeast)} or both"));
        }

        if (AfterWait is { } w && w < TimeSpan.Zero)
        {
            problems.Add(P(nameof(AfterWait), $"{w} is negative", "zero or more"));
        }

        if (QueueLengthAtLeast is { } n && n < 1)
        {
            problems.Add(P(nameof(QueueLengthAtLeast), $"{n} is less than 1", "1 or more"));
        }

        if (LowerLevelsBy < 0)
        {
            problems.Add(P(nameof(LowerLevelsBy), $"{LowerLevelsBy} is negative", "0 or more"));
        }

        if (RemoveSkills.Count == 0 && LowerLevelsBy == 0 && !IgnoreLanguage && OverflowTo is null)
        {
            problems.Add(P(null, "the step changes nothing", $"set {nameof(RemoveSkills)}, {nameof(LowerLevelsBy)}, {nameof(IgnoreLanguage)} or {nameof(OverflowTo)}"));
        }
    }
}
