using ContactCenter.Ivr.Primitives;

namespace ContactCenter.Ivr;

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
