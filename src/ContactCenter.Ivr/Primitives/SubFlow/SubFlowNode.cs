using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.SubFlow;

internal sealed class SubFlowNode : FlowNode
{
    private readonly SubFlowOptions _options;

    public SubFlowNode(string id, SubFlowOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "subFlow";

    public FlowNode? ReturnTo { get; private set; }

    public override void Prepare(NodeValidation v)
    {
        v.Required(_options.Flow, nameof(SubFlowOptions.Flow));
        if (!string.IsNullOrWhiteSpace(_options.Flow))
        {
            v.SubFlows.Add(_options.Flow);
        }

        ReturnTo = v.Next();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        if (_options.OnCall is { } callback)
        {
            await callback(new SubFlowArguments(x.Session.InteractionId, Id, _options.Flow)).ConfigureAwait(false);
        }

        return NodeResult.Call(_options.Flow);
    }
}
