using ContactCenter.Ivr.Primitives.BusinessHours;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds BusinessHours nodes.</summary>
public static class BusinessHoursFlowBuilderExtensions
{
    /// <summary>Adds a BusinessHours node: open continues at Next, closed goes to <see cref="BusinessHoursOptions.Closed"/>.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The schedule and targets.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder BusinessHours(this FlowBuilder builder, string id, BusinessHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
