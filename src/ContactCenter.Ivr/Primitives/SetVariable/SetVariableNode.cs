using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.SetVariable;

internal sealed class SetVariableNode : FlowNode
{
    private readonly SetVariableOptions _options;
    private Template _value = Template.Empty;
    private FlowNode? _next;

    public SetVariableNode(string id, SetVariableOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "setVariable";

    public override void Prepare(NodeValidation v)
    {
        v.Required(_options.Name, nameof(SetVariableOptions.Name));
        _value = Template.Parse(_options.Value);
        _next = v.Next();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var value = x.Render(_value);
        x.Variables[_options.Name] = value;
        if (_options.OnSet is { } callback)
        {
            await callback(new SetVariableArguments(x.Session.InteractionId, Id, _options.Name, value)).ConfigureAwait(false);
        }

        return NodeResult.Continue(_next!);
    }
}
