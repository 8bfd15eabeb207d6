using System.Diagnostics;
using System.Diagnostics.Metrics;
using ContactCenter.Diagnostics;

namespace ContactCenter.Core.Diagnostics;

/// <summary>The SDK's one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both named <c>ContactCenter</c>.</summary>
internal static class ContactCenterTelemetry
{
    public static readonly Meter Meter = new(ContactCenterDiagnostics.MeterName);

    public static readonly ActivitySource ActivitySource = new(ContactCenterDiagnostics.ActivitySourceName);

    public static readonly Counter<long> InboundMessages = Meter.CreateCounter<long>(ContactCenterDiagnostics.InboundMessages, "{message}", "Inbound messages persisted.");

    public static readonly Counter<long> OutboundMessages = Meter.CreateCounter<long>(ContactCenterDiagnostics.OutboundMessages, "{message}", "Outbound messages sent.");

    public static readonly Counter<long> InteractionsOpened = Meter.CreateCounter<long>(ContactCenterDiagnostics.InteractionsOpened, "{interaction}", "Interactions opened.");

    public static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>(ContactCenterDiagnostics.QueueWaitDuration, "s", "Time from creation to an agent's accept.");

    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(ContactCenterDiagnostics.StoreCommitDuration, "s", "Store commit duration.");

    public static readonly Histogram<int> CommitBatchSize = Meter.CreateHistogram<int>(ContactCenterDiagnostics.StoreCommitBatchSize, "{command}", "Commands per store commit.");
}
