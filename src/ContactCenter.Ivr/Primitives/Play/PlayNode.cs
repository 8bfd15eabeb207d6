using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Ivr.Primitives.Play;

internal sealed class PlayNode : FlowNode
{
    private readonly PlayOptions _options;
    private Template _fallback = Template.Empty;
    private FlowNode? _next;

    public PlayNode(string id, PlayOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "play";

    public override void Prepare(NodeValidation v)
    {
        v.Required(_options.Audio, nameof(PlayOptions.Audio));
        _fallback = Template.Parse(_options.FallbackText);
        _next = v.Next();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        if (x.IsVoice)
        {
            await x.Voice!.PlayAsync(_options.Audio, x.Cancellation).ConfigureAwait(false);
        }
        else
        {
            var text = x.Render(_fallback);
            if (!string.IsNullOrEmpty(_options.Link) && x.Session.Capabilities.HasFlag(SessionCapabilities.Links))
            {
                text = text.Length == 0 ? _options.Link : text + "\n" + _options.Link;
            }

            await x.SpeakAsync(text, null).ConfigureAwait(false);
        }

        if (_options.OnPlayed is { } callback)
        {
            await callback(new PlayArguments(x.Session.InteractionId, Id, _options.Audio, !x.IsVoice)).ConfigureAwait(false);
        }

        return NodeResult.Continue(_next!);
    }
}
