namespace ContactCenter.Ivr.Tests;

public class QueueReferenceTests
{
    [Fact]
    public void QueueReferences_EnqueueAndTransfer_AreListedOnce()
    {
        var catalog = new FlowCatalog()
            .Add("main", f => f
                .Enqueue("a", "sales", next: "b")
                .Enqueue("b", "sales", next: "end")
                .End("end", "bye"));
        catalog.Build();

        Assert.Equal(["sales"], catalog.GetFlow("main").QueueReferences);
    }
}
