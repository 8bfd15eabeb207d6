using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Ivr.Primitives.Collect;

internal sealed class CollectNode : FlowNode
{
    private readonly CollectOptions _options;
    private Template _prompt = Template.Empty;
    private Template _invalid = Template.Empty;
    private Template _timeout = Template.Empty;
    private Regex? _pattern;
    private FlowNode? _next;
    private FlowNode? _default;

    public CollectNode(string id, CollectOptions options, string kind)
        : base(id)
    {
        _options = options;
        Kind = kind;
    }

    public override string Kind { get; }

    public override void Prepare(NodeValidation v)
    {
        var o = _options;
        v.Required(o.Prompt, nameof(CollectOptions.Prompt));
        v.Required(o.Variable, nameof(CollectOptions.Variable));
        v.Range(o.Timeout, nameof(CollectOptions.Timeout), FlowLimits.MinInputTimeout, FlowLimits.MaxInputTimeout);
        v.Range(o.MaxRetries, nameof(CollectOptions.MaxRetries), 0, FlowLimits.MaxRetries);
        v.Range(o.MinLength, nameof(CollectOptions.MinLength), 0, 10_000);
        v.Range(o.MaxLength, nameof(CollectOptions.MaxLength), Math.Max(1, o.MinLength), 10_000);
        _pattern = string.IsNullOrEmpty(o.Pattern) ? null : v.Pattern($"^(?:{o.Pattern})$", nameof(CollectOptions.Pattern));
        _prompt = Template.Parse(o.Prompt);
        _invalid = Template.Parse(o.InvalidPrompt);
        _timeout = Template.Parse(o.TimeoutPrompt);
        _next = v.Next();
        _default = v.TargetOrNext(o.Default, nameof(CollectOptions.Default), "Default, taken when the retries are used up");
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var o = _options;
        var expectation = o.DigitsOnly ? InputExpectation.Digits : InputExpectation.Text;
        for (var attempt = 1; ; attempt++)
        {
            await x.SayAsync(_prompt).ConfigureAwait(false);
            var (kind, value) = await x.ReceiveEntryAsync(new InputRequest(Id, expectation, o.Timeout, o.MaxLength, o.Terminator)).ConfigureAwait(false);
            if (kind == FlowInputKind.Disconnected)
            {
                return NodeResult.CustomerLeft;
            }

            var timedOut = kind == FlowInputKind.Timeout;
            if (!timedOut)
            {
                var normalized = o.DigitsOnly ? value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal) : value;
                if (IsValid(normalized))
                {
                    x.Variables[o.Variable] = normalized;
                    await RaiseAsync(x, CollectInputResult.Accepted, normalized, attempt).ConfigureAwait(false);
                    return NodeResult.Continue(_next!);
                }
            }

            await RaiseAsync(x, timedOut ? CollectInputResult.TimedOut : CollectInputResult.Invalid, value, attempt).ConfigureAwait(false);
            await x.SayAsync(timedOut ? _timeout : _invalid).ConfigureAwait(false);
            if (attempt > o.MaxRetries)
            {
                await RaiseAsync(x, CollectInputResult.RetriesExhausted, value, attempt).ConfigureAwait(false);
                return NodeResult.Continue(_default!);
            }
        }
    }

    private bool IsValid(string value)
    {
        if (value.Length < _options.MinLength || value.Length > _options.MaxLength)
        {
            return false;
        }

        if (_options.DigitsOnly)
        {
            foreach (var c in value)
            {
                if (!char.IsAsciiDigit(c) && c is not '*' and not '#')
                {
                    return false;
                }
            }
        }

        return _pattern is null || _pattern.IsMatch(value);
    }

    private ValueTask RaiseAsync(FlowExecution x, CollectInputResult result, string value, int attempt) =>
        _options.OnInput is { } callback
            ? callback(new CollectArguments(x.Session.InteractionId, Id, result, value, attempt))
            : ValueTask.CompletedTask;
}
