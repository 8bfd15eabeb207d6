namespace ContactCenter.Routing;

/// <summary>A skill a queue requires, with the minimum level an agent must hold.</summary>
/// <param name="Skill">The skill.</param>
/// <param name="MinLevel">The minimum level (inclusive), 0 or more.</param>
public readonly record struct SkillRequirement(SkillSlot Skill, int MinLevel);

/// <summary>A skill an agent holds at a level.</summary>
/// <param name="Skill">The skill.</param>
/// <param name="Level">The level, 0 or more; higher is better.</param>
public readonly record struct AgentSkill(SkillSlot Skill, int Level);
