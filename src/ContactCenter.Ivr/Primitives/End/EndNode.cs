using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.End;

internal sealed class EndNode : FlowNode
{
    private readonly EndOptions _options;
    private Template _message = Template.Empty;

    public EndNode(string id, EndOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "end";

    public override void Prepare(NodeValidation v) => _message = Template.Parse(_options.Message);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        await x.SayAsync(_message).ConfigureAwait(false);
        if (_options.OnEnd is { } callback)
        {
            await callback(new EndArguments(x.Session.InteractionId, Id)).ConfigureAwait(false);
        }

        return NodeResult.Finish(FlowOutcome.Ended);
    }
}
