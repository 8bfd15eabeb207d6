using ContactCenter.Ivr.Primitives.BotAnswer;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

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
