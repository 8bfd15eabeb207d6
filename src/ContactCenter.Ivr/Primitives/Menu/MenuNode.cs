using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Ivr.Primitives.Menu;

internal sealed class MenuNode : FlowNode
{
    private readonly MenuOptions _options;
    private ChoiceSet _choices = null!;
    private FlowNode[] _targets = Array.Empty<FlowNode>();
    private FlowNode? _default;
    private Template _invalid = Template.Empty;
    private Template _timeout = Template.Empty;
    private int _maxKeyLength = 1;

    public MenuNode(string id, MenuOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "menu";

    public override void Prepare(NodeValidation v)
    {
        var o = _options;
        v.Required(o.Prompt, nameof(MenuOptions.Prompt));
        v.Range(o.Timeout, nameof(MenuOptions.Timeout), FlowLimits.MinInputTimeout, FlowLimits.MaxInputTimeout);
        v.Range(o.MaxRetries, nameof(MenuOptions.MaxRetries), 0, FlowLimits.MaxRetries);
        _targets = ResolveChoices(v, o.Choices, nameof(MenuOptions.Choices));
        _default = v.TargetOrNext(o.Default, nameof(MenuOptions.Default), "Default, taken when the retries are used up");
        _choices = new ChoiceSet(Template.Parse(o.Prompt), o.Choices ?? new List<MenuChoice>(), o.VoiceChoiceFormat ?? string.Empty, o.TextChoiceFormat ?? "{key}. {label}", o.AnnounceChoices);
        _invalid = Template.Parse(o.InvalidPrompt);
        _timeout = Template.Parse(o.TimeoutPrompt);
        _maxKeyLength = Math.Max(1, (o.Choices ?? new List<MenuChoice>()).Select(c => c.Key?.Length ?? 0).DefaultIfEmpty(1).Max());
    }

    /// <summary>Validates a choice list and resolves its targets (shared with Enqueue's leave options).</summary>
    internal static FlowNode[] ResolveChoices(NodeValidation v, IList<MenuChoice>? choices, string property, bool required = true)
    {
        if (choices is null || choices.Count == 0)
        {
            if (required)
            {
                v.Problem($"{property} needs at least one choice.");
            }

            return Array.Empty<FlowNode>();
        }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var targets = new FlowNode[choices.Count];
        for (var i = 0; i < choices.Count; i++)
        {
            var c = choices[i];
            if (string.IsNullOrWhiteSpace(c.Key))
            {
                v.Problem($"{property}[{i}].Key is required.");
            }
            else if (!keys.Add(c.Key))
            {
                v.Problem($"{property}[{i}].Key '{c.Key}' is used twice.");
            }

            targets[i] = v.Target(c.Target, $"{property}[{i}].Target", required: true)!;
        }

        return targets;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var o = _options;
        var attempts = 1 + o.MaxRetries;
        for (var attempt = 1; ; attempt++)
        {
            await _choices.PresentAsync(x).ConfigureAwait(false);
            var input = await x.ReceiveAsync(new InputRequest(Id, InputExpectation.Choice, o.Timeout, _maxKeyLength)).ConfigureAwait(false);
            while (input.Kind == FlowInputKind.Digits && _choices.StartsLongerKey(input.Value))
            {
                // Keys longer than one digit (e.g. "10") arrive one key at a time on voice; a short pause ends the key.
                var more = await x.ReceiveAsync(new InputRequest(Id, InputExpectation.Choice, InterDigitTimeout(o.Timeout), _maxKeyLength)).ConfigureAwait(false);
                if (more.Kind != FlowInputKind.Digits)
                {
                    input = more.Kind == FlowInputKind.Disconnected ? more : input;
                    break;
                }

                input = FlowInput.FromDigits(input.Value + more.Value);
            }

            if (input.Kind == FlowInputKind.Disconnected)
            {
                return NodeResult.CustomerLeft;
            }

            var index = _choices.Match(input);
            if (index >= 0)
            {
                var key = _choices.KeyAt(index);
                if (o.Variable is { Length: > 0 } variable)
                {
                    x.Variables[variable] = key;
                }

                await RaiseAsync(x, MenuInputResult.Chosen, key, input, attempt).ConfigureAwait(false);
                return NodeResult.Continue(_targets[index]);
            }

            var timedOut = input.Kind == FlowInputKind.Timeout;
            await RaiseAsync(x, timedOut ? MenuInputResult.TimedOut : MenuInputResult.Invalid, null, input, attempt).ConfigureAwait(false);
            await x.SayAsync(timedOut ? _timeout : _invalid).ConfigureAwait(false);
            if (attempt >= attempts)
            {
                await RaiseAsync(x, MenuInputResult.RetriesExhausted, null, input, attempt).ConfigureAwait(false);
                return NodeResult.Continue(_default!);
            }
        }
    }

    private static TimeSpan InterDigitTimeout(TimeSpan timeout) => timeout < TimeSpan.FromSeconds(3) ? timeout : TimeSpan.FromSeconds(3);

    private ValueTask RaiseAsync(FlowExecution x, MenuInputResult result, string? key, FlowInput input, int attempt) =>
        _options.OnInput is { } callback
            ? callback(new MenuArguments(x.Session.InteractionId, Id, result, key, input.Value, attempt))
            : ValueTask.CompletedTask;
}
