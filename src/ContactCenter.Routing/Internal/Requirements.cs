namespace ContactCenter.Routing.Internal;

/// <summary>What an agent must have to serve a queue tier. Immutable; <see cref="Key"/> identifies equal sets.</summary>
internal sealed class Requirements
{
    public Requirements(TenantSlot tenant, RoutingMedia media, string? language, SkillRequirement[] skills, int strategyId)
    {
        Tenant = tenant;
        Media = media;
        Language = language;
        Skills = [.. skills.OrderBy(s => s.Skill.Value)];
        Key = $"{tenant.Value}|{(int)media}|{language?.ToUpperInvariant()}|{string.Join(",", Skills.Select(s => $"{s.Skill.Value}:{s.MinLevel}"))}|{strategyId}";
    }

    public TenantSlot Tenant { get; }

    public RoutingMedia Media { get; }

    public string? Language { get; }

    public SkillRequirement[] Skills { get; }

    public string Key { get; }

    /// <summary>Whether the agent is eligible; if so, its skill score (sum of its levels in the required skills).</summary>
    public bool Matches(AgentRecord agent, out int skillScore)
    {
        skillScore = 0;
        if (agent.Capacity[(int)Media] <= 0 || Array.IndexOf(agent.Tenants, Tenant) < 0)
        {
            return false;
        }

        if (Language is not null && !agent.Languages.Contains(Language, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var r in Skills)
        {
            if (!agent.Skills.TryGetValue(r.Skill.Value, out int level) || level < r.MinLevel)
            {
                return false;
            }

            skillScore += level;
        }

        return true;
    }
}
