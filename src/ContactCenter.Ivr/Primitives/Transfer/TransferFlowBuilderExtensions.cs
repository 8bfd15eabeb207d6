using ContactCenter.Ivr.Primitives.Transfer;

#pragma warning disable IDE0130 // As Polly does: the builder extension lives in the namespace a flow author already imports.
namespace ContactCenter.Ivr;
#pragma warning restore IDE0130

/// <summary>Adds TransferToAgent, TransferToQueue and TransferToNumber nodes.</summary>
public static class TransferFlowBuilderExtensions
{
    /// <summary>Adds a TransferToAgent node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="agent">The agent id.</param>
    /// <param name="next">Where to go when the transfer fails; default: the next node declared.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder TransferToAgent(this FlowBuilder builder, string id, string agent, string? next = null) =>
        builder.TransferToAgent(id, new TransferToAgentOptions { Agent = agent, Next = next });

    /// <summary>Adds a TransferToAgent node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder TransferToAgent(this FlowBuilder builder, string id, TransferToAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }

    /// <summary>Adds a TransferToQueue node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="queue">The queue.</param>
    /// <param name="next">Where to go when the transfer fails; default: the next node declared.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder TransferToQueue(this FlowBuilder builder, string id, string queue, string? next = null) =>
        builder.TransferToQueue(id, new TransferToQueueOptions { Queue = queue, Next = next });

    /// <summary>Adds a TransferToQueue node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder TransferToQueue(this FlowBuilder builder, string id, TransferToQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }

    /// <summary>Adds a TransferToNumber node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="number">The number.</param>
    /// <param name="next">Where to go when the transfer fails or on text channels; default: the next node declared.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder TransferToNumber(this FlowBuilder builder, string id, string number, string? next = null) =>
        builder.TransferToNumber(id, new TransferToNumberOptions { Number = number, Next = next });

    /// <summary>Adds a TransferToNumber node.</summary>
    /// <param name="builder">The flow builder.</param>
    /// <param name="id">The node id.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder.</returns>
    public static FlowBuilder TransferToNumber(this FlowBuilder builder, string id, TransferToNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(id, options);
    }
}
