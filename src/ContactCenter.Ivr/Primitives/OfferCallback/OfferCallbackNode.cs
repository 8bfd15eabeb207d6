using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Services;
using ContactCenter.Ivr.Sessions;
using ContactCenter.Ivr.Primitives.Menu;

namespace ContactCenter.Ivr.Primitives.OfferCallback;

internal sealed class OfferCallbackNode : FlowNode
{
    private const int Attempts = 2;
    private readonly OfferCallbackOptions _options;

    public override string? QueueReference => string.IsNullOrEmpty(_options.Queue) ? null : _options.Queue;
    private ChoiceSet _choices = null!;
    private Template _numberPrompt = Template.Empty;
    private Template _confirmation = Template.Empty;
    private Template _failure = Template.Empty;
    private FlowNode? _accepted;
    private FlowNode? _declined;

    public OfferCallbackNode(string id, OfferCallbackOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "offerCallback";

    public override void Prepare(NodeValidation v)
    {
        var o = _options;
        v.Required(o.Prompt, nameof(OfferCallbackOptions.Prompt));
        v.Required(o.AcceptKey, nameof(OfferCallbackOptions.AcceptKey));
        v.Required(o.DeclineKey, nameof(OfferCallbackOptions.DeclineKey));
        if (string.Equals(o.AcceptKey, o.DeclineKey, StringComparison.OrdinalIgnoreCase))
        {
            v.Problem("AcceptKey and DeclineKey must differ.");
        }

        v.Range(o.Timeout, nameof(OfferCallbackOptions.Timeout), FlowLimits.MinInputTimeout, FlowLimits.MaxInputTimeout);
        _choices = new ChoiceSet(
            Template.Parse(o.Prompt),
            new List<MenuChoice>
            {
                new() { Key = o.AcceptKey ?? "1", Label = o.AcceptLabel, Synonyms = { "yes", "y" } },
                new() { Key = o.DeclineKey ?? "2", Label = o.DeclineLabel, Synonyms = { "no", "n" } },
            },
            "For {label}, press {key}.",
            "{key}. {label}",
            announce: true);
        _numberPrompt = Template.Parse(o.NumberPrompt);
        _confirmation = Template.Parse(o.Confirmation);
        _failure = Template.Parse(o.FailureMessage);
        _accepted = v.Target(o.Accepted, nameof(OfferCallbackOptions.Accepted), required: false);
        _declined = v.TargetOrNext(o.Declined, nameof(OfferCallbackOptions.Declined), "Declined, taken when the customer says no or nothing");
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var o = _options;
        var choice = -1;
        for (var attempt = 1; attempt <= Attempts && choice < 0; attempt++)
        {
            await _choices.PresentAsync(x).ConfigureAwait(false);
            var input = await x.ReceiveAsync(new InputRequest(Id, InputExpectation.Choice, o.Timeout, 1)).ConfigureAwait(false);
            if (input.Kind == FlowInputKind.Disconnected)
            {
                return NodeResult.CustomerLeft;
            }

            choice = _choices.Match(input);
        }

        if (choice != 0)
        {
            await RaiseAsync(x, false, null, false).ConfigureAwait(false);
            return NodeResult.Continue(_declined!);
        }

        var number = x.Session.CustomerPhoneNumber;
        if (string.IsNullOrWhiteSpace(number))
        {
            await x.SayAsync(_numberPrompt).ConfigureAwait(false);
            var (kind, value) = await x.ReceiveEntryAsync(new InputRequest(Id, InputExpectation.Digits, o.Timeout, 15, "#")).ConfigureAwait(false);
            if (kind == FlowInputKind.Disconnected)
            {
                return NodeResult.CustomerLeft;
            }

            number = kind == FlowInputKind.Timeout ? null : value;
        }

        var scheduled = false;
        if (!string.IsNullOrWhiteSpace(number) && x.Host is { } host)
        {
            try
            {
                scheduled = await host.ScheduleCallbackAsync(new CallbackRequest(x.Session.InteractionId, number, string.IsNullOrEmpty(o.Queue) ? null : new QueueId(o.Queue), x.Variables), x.Cancellation).ConfigureAwait(false);
            }
            catch (FlowHostException)
            {
                scheduled = false;
            }
        }

        await RaiseAsync(x, true, number, scheduled).ConfigureAwait(false);
        if (!scheduled)
        {
            await x.SayAsync(_failure).ConfigureAwait(false);
            return NodeResult.Continue(_declined!);
        }

        x.Variables["callback.number"] = number!;
        await x.SayAsync(_confirmation).ConfigureAwait(false);
        return _accepted is null ? NodeResult.Finish(FlowOutcome.CallbackScheduled, number) : NodeResult.Continue(_accepted);
    }

    private ValueTask RaiseAsync(FlowExecution x, bool accepted, string? number, bool scheduled) =>
        _options.OnAnswered is { } callback
            ? callback(new OfferCallbackArguments(x.Session.InteractionId, Id, accepted, number, scheduled))
            : ValueTask.CompletedTask;
}
