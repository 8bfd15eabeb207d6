using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Services;
using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Ivr.Primitives.Record;

internal sealed class RecordNode : FlowNode
{
    private readonly RecordOptions _options;
    private Template _prompt = Template.Empty;
    private Template _textPrompt = Template.Empty;
    private Template _confirmation = Template.Empty;
    private FlowNode? _next;

    public RecordNode(string id, RecordOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "record";

    public override void Prepare(NodeValidation v)
    {
        var o = _options;
        v.Range(o.MaxLength, nameof(RecordOptions.MaxLength), FlowLimits.MinInputTimeout, FlowLimits.MaxRecordingLength);
        v.Required(o.Variable, nameof(RecordOptions.Variable));
        _prompt = Template.Parse(o.Prompt);
        _textPrompt = Template.Parse(o.TextPrompt);
        _confirmation = Template.Parse(o.Confirmation);
        _next = v.Next();
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var o = _options;
        string? location = null;
        string? text = null;
        var duration = TimeSpan.Zero;
        var hungUp = false;
        if (x.IsVoice)
        {
            await x.SayAsync(_prompt).ConfigureAwait(false);
            x.StepsWithoutInput = 0;
            await x.CheckpointAsync().ConfigureAwait(false);
            var recording = await x.Voice!.RecordAsync(new RecordingRequest(Id, o.MaxLength, o.FinishKey, o.Beep), x.Cancellation).ConfigureAwait(false);
            location = recording.Location;
            duration = recording.Duration;
            hungUp = recording.HungUp;
            x.Variables[o.Variable] = location;
        }
        else
        {
            await x.SayAsync(_textPrompt).ConfigureAwait(false);
            var input = await x.ReceiveAsync(new InputRequest(Id, InputExpectation.Text, o.MaxLength)).ConfigureAwait(false);
            hungUp = input.Kind == FlowInputKind.Disconnected;
            text = input.HasValue ? input.Value : string.Empty;
            x.Variables[o.Variable] = text;
        }

        var hasContent = !string.IsNullOrEmpty(location) || !string.IsNullOrEmpty(text);
        var submitted = false;
        if (hasContent && o.Queue is { Length: > 0 } queue && x.Host is { } host)
        {
            await host.SubmitVoicemailAsync(new VoicemailRequest(x.Session.InteractionId, new QueueId(queue), location, text, duration), x.Cancellation).ConfigureAwait(false);
            submitted = true;
        }

        if (o.OnRecorded is { } callback)
        {
            await callback(new RecordArguments(x.Session.InteractionId, Id, location, text, duration, submitted)).ConfigureAwait(false);
        }

        if (hungUp)
        {
            return NodeResult.CustomerLeft;
        }

        if (hasContent)
        {
            await x.SayAsync(_confirmation).ConfigureAwait(false);
        }

        return NodeResult.Continue(_next!);
    }
}
