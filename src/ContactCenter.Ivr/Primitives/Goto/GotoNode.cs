using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Goto;

internal sealed class GotoNode : FlowNode
{
    private readonly GotoOptions _options;
    private FlowNode? _target;

    public GotoNode(string id, GotoOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "goto";

    public override void Prepare(NodeValidation v) => _target = v.Target(_options.Target, nameof(GotoOptions.Target), required: true);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        if (_options.OnJump is { } callback)
        {
            await callback(new GotoArguments(x.Session.InteractionId, Id, _target!.Id)).ConfigureAwait(false);
        }

        return NodeResult.Continue(_target!);
    }
}
