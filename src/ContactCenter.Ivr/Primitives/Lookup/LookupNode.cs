using System.Runtime.CompilerServices;
using ContactCenter.Ivr.Engine;
using ContactCenter.Ivr.Services;

namespace ContactCenter.Ivr.Primitives.Lookup;

internal sealed class LookupNode : FlowNode
{
    private readonly LookupOptions _options;
    private (string Name, Template Value)[] _arguments = Array.Empty<(string, Template)>();
    private string _prefix = string.Empty;
    private FlowNode? _found;
    private FlowNode? _error;
    private FlowNode? _timeout;
    private FlowNode? _notFound;

    public LookupNode(string id, LookupOptions options)
        : base(id)
    {
        _options = options;
    }

    public override string Kind => "lookup";

    public override void Prepare(NodeValidation v)
    {
        var o = _options;
        v.Required(o.Lookup, nameof(LookupOptions.Lookup));
        if (!string.IsNullOrWhiteSpace(o.Lookup))
        {
            v.Lookups.Add(o.Lookup);
        }

        v.Range(o.Timeout, nameof(LookupOptions.Timeout), FlowLimits.MinLookupTimeout, FlowLimits.MaxLookupTimeout);
        _arguments = (o.Arguments ?? new Dictionary<string, string>()).Select(a => (a.Key, Template.Parse(a.Value))).ToArray();
        _prefix = string.IsNullOrWhiteSpace(o.ResultPrefix) ? Id : o.ResultPrefix;
        _found = v.Next();
        _error = v.Target(o.OnError, nameof(LookupOptions.OnError), required: true);
        _timeout = v.Target(o.OnTimeout, nameof(LookupOptions.OnTimeout), required: false) ?? _error;
        _notFound = v.Target(o.OnNotFound, nameof(LookupOptions.OnNotFound), required: false) ?? _error;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<NodeResult> ExecuteAsync(FlowExecution x)
    {
        var handler = x.Runner.Catalog.GetLookup(_options.Lookup);
        var arguments = new Dictionary<string, string>(_arguments.Length, StringComparer.Ordinal);
        foreach (var (name, value) in _arguments)
        {
            arguments[name] = x.Render(value);
        }

        var started = x.Time.GetTimestamp();
        LookupStatus status;
        LookupResult? result = null;
        Exception? error = null;
        var cts = x.RentTimeout();
        cts.CancelAfter(_options.Timeout);
        try
        {
            if (handler is null)
            {
                throw new InvalidOperationException($"Lookup '{_options.Lookup}' is not registered.");
            }

            var pending = handler(new LookupRequest(_options.Lookup, x.Session.InteractionId, x.Session.Channel, arguments), cts.Token);
            // WaitAsync enforces the time-out even when the handler ignores its token.
            result = pending.IsCompleted
                ? pending.Result
                : await pending.AsTask().WaitAsync(cts.Token).ConfigureAwait(false);
            status = result.Found ? LookupStatus.Found : LookupStatus.NotFound;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested && !x.Cancellation.IsCancellationRequested)
        {
            status = LookupStatus.TimedOut;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !x.Cancellation.IsCancellationRequested)
        {
            status = LookupStatus.Failed;
            error = ex;
        }

        if (result is { Found: true })
        {
            foreach (var pair in result.Values)
            {
                x.Variables[_prefix + "." + pair.Key] = pair.Value;
            }
        }

        x.Variables[_prefix + ".outcome"] = status switch
        {
            LookupStatus.Found => "found",
            LookupStatus.NotFound => "notFound",
            LookupStatus.TimedOut => "timeout",
            _ => "error",
        };
        if (error is not null)
        {
            x.Variables[_prefix + ".error"] = error.Message;
        }

        if (_options.OnCompleted is { } callback)
        {
            await callback(new LookupArguments(x.Session.InteractionId, Id, _options.Lookup, status, x.Time.GetElapsedTime(started), error)).ConfigureAwait(false);
        }

        return NodeResult.Continue(status switch
        {
            LookupStatus.Found => _found!,
            LookupStatus.NotFound => _notFound!,
            LookupStatus.TimedOut => _timeout!,
            _ => _error!,
        });
    }
}
