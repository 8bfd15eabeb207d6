using ContactCenter.Ivr.Primitives;

namespace ContactCenter.Ivr;

/// <summary>Adds Record nodes.</summary>
public static class RecordFlowBuilderExtensions
{
    /// <summary>Adds a Record (voicemail) node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Record(this FlowBuilder builder, string id, RecordOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
