using ContactCenter.Ivr.Primitives.SetVariable;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds SetVariable nodes.</summary>
public static class SetVariableFlowBuilderExtensions
{
    /// <summary>Adds a SetVariable node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="name">The variable.</param>
    /// <param name="value">The value; <c>{variable}</c> placeholders are replaced.</param>
    /// <param name="next">Where to continue; default: the next node declared.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder SetVariable(this FlowBuilder builder, string id, string name, string value, string? next = null) =>
        builder.SetVariable(id, new SetVariableOptions { Name = name, Value = value, Next = next });

    /// <summary>Adds a SetVariable node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder SetVariable(this FlowBuilder builder, string id, SetVariableOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
