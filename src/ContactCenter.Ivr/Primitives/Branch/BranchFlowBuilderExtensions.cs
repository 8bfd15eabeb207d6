using ContactCenter.Ivr.Primitives.Branch;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds Branch nodes.</summary>
public static class BranchFlowBuilderExtensions
{
    /// <summary>Adds a Branch node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder Branch(this FlowBuilder builder, string id, BranchOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }

    /// <summary>Adds a Branch node with one case: when variable <paramref name="variable"/> equals
    /// <paramref name="value"/> go to <paramref name="then"/>, otherwise to <paramref name="otherwise"/>.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="variable">The variable tested.</param>
    /// <param name="value">The value it must equal (ignoring case).</param>
    /// <param name="then">The node when equal.</param>
    /// <param name="otherwise">The node otherwise.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder BranchOnVariable(this FlowBuilder builder, string id, string variable, string value, string then, string otherwise) =>
        builder.Branch(id, new BranchOptions
        {
            Cases =
            {
                new BranchCase { When = { new BranchCondition { Source = ConditionSource.Variable, Name = variable, Value = value } }, Target = then },
            },
            Default = otherwise,
        });
}
