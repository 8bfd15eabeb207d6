using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Say;

internal sealed class SayNode : FlowNode
{
    private readonly SayOptions _options;
    private Template _text = Template.Empty;
    private FlowNode? _next;

    public SayNode(string id, SayOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "say";

    public override void Prepare(NodeValidation v)
    {
        v.Required(_options.Text, nameof(SayOptions.Text));
        _text = Template.Parse(_options.Text);
        _next = v.Next();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var text = x.Render(_text);
        await x.SpeakAsync(text, _options.Voice).ConfigureAwait(false);
        if (_options.OnSaid is { } callback)
        {
            await callback(new SayArguments(x.Session.InteractionId, Id, text)).ConfigureAwait(false);
        }

        return NodeResult.Continue(_next!);
    }
}
