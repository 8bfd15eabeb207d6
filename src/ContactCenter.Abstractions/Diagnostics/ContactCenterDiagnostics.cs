namespace ContactCenter.Diagnostics;

/// <summary>The stable names of the SDK's telemetry: one <c>Meter</c> and one <c>ActivitySource</c>, both <c>ContactCenter</c>.</summary>
public static class ContactCenterDiagnostics
{
    /// <summary>The name of the SDK's <c>System.Diagnostics.Metrics.Meter</c>.</summary>
    public const string MeterName = "ContactCenter";

    /// <summary>The name of the SDK's <c>System.Diagnostics.ActivitySource</c>.</summary>
    public const string ActivitySourceName = "ContactCenter";

    /// <summary>Counter: inbound messages persisted. Tags: <c>contactcenter.channel</c>.</summary>
    public const string InboundMessages = "contactcenter.inbound.messages";

    /// <summary>Counter: outbound messages sent. Tags: <c>contactcenter.channel</c>, <c>error.type</c>.</summary>
    public const string OutboundMessages = "contactcenter.outbound.messages";

    /// <summary>Counter: interactions opened. Tags: <c>contactcenter.channel</c>.</summary>
    public const string InteractionsOpened = "contactcenter.interactions.opened";

    /// <summary>Histogram (s): time from enqueue to an agent's accept. Tags: <c>contactcenter.queue</c>.</summary>
    public const string QueueWaitDuration = "contactcenter.queue.wait.duration";

    /// <summary>Histogram (s): store commit duration.</summary>
    public const string StoreCommitDuration = "contactcenter.store.commit.duration";

    /// <summary>Histogram: messages per store commit batch.</summary>
    public const string StoreCommitBatchSize = "contactcenter.store.commit.batch_size";

    /// <summary>Tag: the channel connector's name.</summary>
    public const string ChannelTag = "contactcenter.channel";

    /// <summary>Tag: the queue id.</summary>
    public const string QueueTag = "contactcenter.queue";
}
