using ContactCenter.Ivr.Primitives;

namespace ContactCenter.Ivr;

/// <summary>Adds BotAnswer nodes.</summary>
public static class BotAnswerFlowBuilderExtensions
{
    /// <summary>Adds a BotAnswer node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder BotAnswer(this FlowBuilder builder, string id, BotAnswerOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
