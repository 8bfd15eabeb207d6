using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Sessions;

namespace ContactCenter.Ivr.Primitives.BotAnswer;

internal sealed class BotAnswerNode : FlowNode
{
    private readonly BotAnswerOptions _options;
    private (string[] Keywords, Regex? Pattern, string? Intent, Template Answer, FlowNode? Target)[] _rules = [];
    private string[] _handoffPhrases = [];
    private string[] _exitPhrases = [];
    private Template _greeting = Template.Empty;
    private Template _followUp = Template.Empty;
    private Template _noMatch = Template.Empty;
    private Template _handoffMessage = Template.Empty;
    private FlowNode? _handoff;
    private FlowNode? _exit;

    public BotAnswerNode(string id, BotAnswerOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "botAnswer";

    public override void Prepare(NodeValidation v)
    {
        var o = _options;
        v.Range(o.Timeout, nameof(BotAnswerOptions.Timeout), FlowLimits.MinInputTimeout, FlowLimits.MaxInputTimeout);
        v.Range(o.MaxUnmatched, nameof(BotAnswerOptions.MaxUnmatched), 1, FlowLimits.MaxRetries);
        v.Range(o.MaxTurns, nameof(BotAnswerOptions.MaxTurns), 1, 1000);
        v.Required(o.Variable, nameof(BotAnswerOptions.Variable));
        var rules = o.Rules ?? new List<BotRule>();
        if (rules.Count == 0)
        {
            v.Problem("Rules needs at least one rule.");
        }

        _rules = new (string[], Regex?, string?, Template, FlowNode?)[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            var keywords = (r.Keywords ?? new List<string>()).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).ToArray();
            if (keywords.Length == 0 && string.IsNullOrEmpty(r.Pattern) && string.IsNullOrEmpty(r.Intent))
            {
                v.Problem($"Rules[{i}] needs Keywords, a Pattern or an Intent.");
            }

            if (string.IsNullOrEmpty(r.Answer) && string.IsNullOrEmpty(r.Target))
            {
                v.Problem($"Rules[{i}] needs an Answer or a Target.");
            }

            _rules[i] = (keywords, v.Pattern(r.Pattern, $"Rules[{i}].Pattern"), r.Intent, Template.Parse(r.Answer),
                v.Target(r.Target, $"Rules[{i}].Target", required: false));
        }

        _handoffPhrases = (o.HandoffPhrases ?? new List<string>()).Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        _exitPhrases = (o.ExitPhrases ?? new List<string>()).Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        _greeting = Template.Parse(o.Greeting);
        _followUp = Template.Parse(o.FollowUp);
        _noMatch = Template.Parse(o.NoMatchReply);
        _handoffMessage = Template.Parse(o.HandoffMessage);
        _handoff = v.Target(o.Handoff, nameof(BotAnswerOptions.Handoff), required: true);
        _exit = v.Next("Next, taken when the customer says goodbye or stays silent");
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var o = _options;
        await x.SayAsync(_greeting).ConfigureAwait(false);
        var unmatched = 0;
        for (var turn = 0; turn < o.MaxTurns; turn++)
        {
            var input = await x.ReceiveAsync(new InputRequest(Id, InputExpectation.Text, o.Timeout)).ConfigureAwait(false);
            if (input.Kind == FlowInputKind.Disconnected)
            {
                return NodeResult.CustomerLeft;
            }

            if (input.Kind == FlowInputKind.Timeout)
            {
                await RaiseAsync(x, string.Empty, BotTurnResult.Exit, -1, null).ConfigureAwait(false);
                return NodeResult.Continue(_exit!);
            }

            var text = input.Value.Trim();
            x.Variables[o.Variable] = text;
            if ((input.Kind == FlowInputKind.Digits && text == o.HandoffKey) || ContainsAny(text, _handoffPhrases))
            {
                return await HandoffAsync(x, text, null).ConfigureAwait(false);
            }

            if (IsExit(text))
            {
                await RaiseAsync(x, text, BotTurnResult.Exit, -1, null).ConfigureAwait(false);
                return NodeResult.Continue(_exit!);
            }

            string? intent = null;
            var rule = -1;
            if (x.Runner.Options.IntentRecognizer is { } recognizer)
            {
                var recognized = await recognizer.RecognizeAsync(text, x.Session.InteractionId, x.Variables, x.Cancellation).ConfigureAwait(false);
                if (recognized.Intent is not null && recognized.Confidence >= o.MinConfidence)
                {
                    intent = recognized.Intent;
                    if (string.Equals(intent, Services.IntentResult.HandoffIntent, StringComparison.OrdinalIgnoreCase))
                    {
                        return await HandoffAsync(x, text, intent).ConfigureAwait(false);
                    }

                    rule = Array.FindIndex(_rules, r => string.Equals(r.Intent, recognized.Intent, StringComparison.OrdinalIgnoreCase));
                }

                if (rule < 0 && recognized.Answer is { Length: > 0 } answer && recognized.Confidence >= o.MinConfidence)
                {
                    unmatched = 0;
                    await x.SpeakAsync(answer, null).ConfigureAwait(false);
                    await RaiseAsync(x, text, BotTurnResult.RecognizerAnswered, -1, intent).ConfigureAwait(false);
                    await x.SayAsync(_followUp).ConfigureAwait(false);
                    continue;
                }
            }

            if (rule < 0)
            {
                rule = MatchRule(text);
            }

            if (rule >= 0)
            {
                unmatched = 0;
                var r = _rules[rule];
                await x.SayAsync(r.Answer).ConfigureAwait(false);
                await RaiseAsync(x, text, BotTurnResult.Answered, rule, intent).ConfigureAwait(false);
                if (r.Target is not null)
                {
                    return NodeResult.Continue(r.Target);
                }

                await x.SayAsync(_followUp).ConfigureAwait(false);
                continue;
            }

            unmatched++;
            await RaiseAsync(x, text, BotTurnResult.Unmatched, -1, intent).ConfigureAwait(false);
            if (unmatched >= o.MaxUnmatched)
            {
                return await HandoffAsync(x, text, intent).ConfigureAwait(false);
            }

            await x.SayAsync(_noMatch).ConfigureAwait(false);
        }

        return await HandoffAsync(x, string.Empty, null).ConfigureAwait(false);
    }

    private async ValueTask<NodeResult> HandoffAsync(FlowExecution x, string text, string? intent)
    {
        await x.SayAsync(_handoffMessage).ConfigureAwait(false);
        await RaiseAsync(x, text, BotTurnResult.Handoff, -1, intent).ConfigureAwait(false);
        return NodeResult.Continue(_handoff!);
    }

    private int MatchRule(string text)
    {
        for (var i = 0; i < _rules.Length; i++)
        {
            var r = _rules[i];
            if (ContainsAny(text, r.Keywords) || (r.Pattern is not null && r.Pattern.IsMatch(text)))
            {
                return i;
            }
        }

        return -1;
    }

    private bool IsExit(string text)
    {
        var trimmed = text.AsSpan().TrimEnd(".!?".AsSpan());
        foreach (var phrase in _exitPhrases)
        {
            if (trimmed.Equals(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="text"/> contains one of the phrases as whole words.</summary>
    private static bool ContainsAny(string text, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            var start = 0;
            while (start <= text.Length - phrase.Length)
            {
                var at = text.IndexOf(phrase, start, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                var end = at + phrase.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                {
                    return true;
                }

                start = at + 1;
            }
        }

        return false;
    }

    private ValueTask RaiseAsync(FlowExecution x, string question, BotTurnResult result, int rule, string? intent) =>
        _options.OnTurn is { } callback
            ? callback(new BotAnswerArguments(x.Session.InteractionId, Id, question, result, rule, intent))
            : ValueTask.CompletedTask;
}
