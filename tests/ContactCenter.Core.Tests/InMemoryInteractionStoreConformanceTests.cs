using ContactCenter.Storage;
using ContactCenter.Storage.TestKit;

namespace ContactCenter.Core.Tests;

/// <summary>The conformance kit against <see cref="InMemoryInteractionStore"/>. Not durable: the reopen tests are skipped.</summary>
public sealed class InMemoryInteractionStoreConformanceTests : InteractionStoreConformanceTests
{
    protected override IInteractionStore CreateStore() => new InMemoryInteractionStore();
}
