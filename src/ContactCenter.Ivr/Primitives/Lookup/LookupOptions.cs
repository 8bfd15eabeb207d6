using System.Text.Json.Serialization;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Lookup;

/// <summary>Options of Lookup: calls a handler registered with <see cref="FlowCatalog.AddLookup"/> (a CRM, an order
/// system) with a time-out. Found values become variables <c>{prefix}.{key}</c> and the flow continues at Next;
/// <c>{prefix}.outcome</c> is <c>found</c>, <c>notFound</c>, <c>timeout</c> or <c>error</c>.</summary>
public sealed class LookupOptions : NodeOptions
{
    /// <summary>The registered lookup name. Required.</summary>
    public string Lookup { get; set; } = string.Empty;

    /// <summary>Arguments passed to the handler; values may hold <c>{variable}</c> placeholders.</summary>
    public IDictionary<string, string> Arguments { get; set; } = new Dictionary<string, string>();

    /// <summary>The prefix of result variables. Default: the node id.</summary>
    public string? ResultPrefix { get; set; }

    /// <summary>How long the handler may take. Default: 5 s; allowed 100 ms to 2 min.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where to go when the handler fails (throws). Required.</summary>
    public string? OnError { get; set; }

    /// <summary>Where to go on time-out. Default: <see cref="OnError"/>.</summary>
    public string? OnTimeout { get; set; }

    /// <summary>Where to go when nothing was found. Default: <see cref="OnError"/>.</summary>
    public string? OnNotFound { get; set; }

    /// <summary>Called with the outcome.</summary>
    [JsonIgnore]
    public Func<LookupArguments, ValueTask>? OnCompleted { get; set; }

    internal override FlowNode CreateNode(string id) => new LookupNode(id, this);
}
