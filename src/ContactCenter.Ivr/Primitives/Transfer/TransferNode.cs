using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Services;

namespace ContactCenter.Ivr.Primitives.Transfer;

internal sealed class TransferNode : FlowNode
{
    private readonly TransferOptions _options;
    private readonly TransferKind _kind;
    private readonly string _rawTarget;
    private readonly string _property;
    private readonly string[] _skills;
    private readonly int _priority;
    private Template _target = Template.Empty;
    private Template _message = Template.Empty;
    private Template _textFallback = Template.Empty;
    private FlowNode? _failed;

    public override string? QueueReference => _kind == TransferKind.Queue ? _rawTarget : null;

    public TransferNode(string id, TransferOptions options, TransferKind kind, string target, string property, IList<string>? skills, int priority)
        : base(id)
    {
        _options = options;
        _kind = kind;
        _rawTarget = target;
        _property = property;
        _skills = skills?.ToArray() ?? Array.Empty<string>();
        _priority = priority;
    }

    public override string Kind => _kind switch
    {
        TransferKind.Agent => "transferToAgent",
        TransferKind.Queue => "transferToQueue",
        _ => "transferToNumber",
    };

    public override void Prepare(NodeValidation v)
    {
        v.Required(_rawTarget, _property);
        _target = Template.Parse(_rawTarget);
        _message = Template.Parse(_options.Message);
        if (_options is TransferToNumberOptions number)
        {
            _textFallback = Template.Parse(number.TextFallback?.Replace("{number}", number.Number, StringComparison.Ordinal));
        }

        _failed = v.Next("Next, taken when the transfer fails");
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var target = x.Render(_target);
        TransferResult result;
        if (_kind == TransferKind.Number && !x.IsVoice)
        {
            await x.SayAsync(_textFallback).ConfigureAwait(false);
            result = TransferResult.Failed("text channel");
        }
        else if (x.Host is not { } host)
        {
            result = TransferResult.Failed("no flow host");
        }
        else
        {
            await x.SayAsync(_message).ConfigureAwait(false);
            try
            {
                result = await host.TransferAsync(new TransferRequest(x.Session.InteractionId, _kind, target, _skills, _priority, x.Variables), x.Cancellation).ConfigureAwait(false);
            }
            catch (FlowHostException ex)
            {
                result = TransferResult.Failed(ex.Message);
            }
        }

        if (_options.OnTransfer is { } callback)
        {
            await callback(new TransferArguments(x.Session.InteractionId, Id, _kind, target, result.Succeeded, result.Reason)).ConfigureAwait(false);
        }

        return result.Succeeded ? NodeResult.Finish(FlowOutcome.Transferred, target) : NodeResult.Continue(_failed!);
    }
}
