using ContactCenter.Ivr.Json;
using ContactCenter.Ivr.Services;

namespace ContactCenter.Ivr;

/// <summary>
/// The flows, lookups and bindings of one contact center. Register with <see cref="Add(string, Action{FlowBuilder})"/>,
/// <see cref="AddFromJson(string)"/>, <see cref="AddLookup"/> and the <c>Bind*</c> methods; <see cref="Build"/>
/// (called by the first <see cref="FlowRunner"/>) builds and validates everything at once, throws one
/// <see cref="FlowValidationException"/> listing every problem of every flow, and freezes the catalog.
/// Registration is single-threaded; a built catalog is read-only and thread-safe.
/// </summary>
public sealed class FlowCatalog
{
    private readonly object _gate = new();
    private readonly List<Func<List<FlowValidationProblem>, IEnumerable<FlowDefinition>>> _sources = new();
    private readonly Dictionary<string, LookupHandler> _lookups = new(StringComparer.Ordinal);
    private readonly List<(bool EntryPoint, string Key, string Flow)> _bindings = new();
    private readonly Dictionary<string, string> _channelBindings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _entryPointBindings = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, Flow>? _flows;
    private string? _defaultFlow;

    /// <summary>True once <see cref="Build"/> succeeded; the catalog is then read-only.</summary>
    public bool IsBuilt => Volatile.Read(ref _flows) is not null;

    /// <summary>The names of the built flows (empty before <see cref="Build"/>).</summary>
    public IReadOnlyCollection<string> FlowNames => (IReadOnlyCollection<string>?)_flows?.Keys ?? Array.Empty<string>();

    /// <summary>Registers a flow defined in code.</summary>
    /// <param name="name">The flow name.</param>
    /// <param name="configure">Adds the nodes.</param>
    /// <returns>The catalog.</returns>
    public FlowCatalog Add(string name, Action<FlowBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddSource(_ =>
        {
            var builder = new FlowBuilder(name);
            configure(builder);
            return new[] { new FlowDefinition(builder) };
        });
        return this;
    }

    /// <summary>Registers an already built flow.</summary>
    /// <param name="flow">The flow.</param>
    /// <returns>The catalog.</returns>
    public FlowCatalog Add(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        AddSource(_ => new[] { new FlowDefinition(flow) });
        return this;
    }

    /// <summary>Registers the flow(s) of a JSON file, read at <see cref="Build"/> (a missing file is reported with
    /// every other problem). The format is described in docs/ivr.md.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The catalog.</returns>
    public FlowCatalog AddFromJson(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AddSource(problems =>
        {
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new FlowValidationProblem(path, null, $"cannot read the flow file: {ex.Message}"));
                return Array.Empty<FlowDefinition>();
            }

            return FlowJsonReader.Read(json, path, problems);
        });
        return this;
    }

    /// <summary>Registers the flow(s) of a JSON stream; the stream is read now.</summary>
    /// <param name="stream">The JSON.</param>
    /// <param name="sourceName">A name for error messages. Default: <c>stream</c>.</param>
    /// <returns>The catalog.</returns>
    public FlowCatalog AddFromJson(Stream stream, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        return AddJson(reader.ReadToEnd(), sourceName ?? "stream");
    }

    /// <summary>Registers the flow(s) of a JSON text.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="sourceName">A name for error messages. Default: <c>json</c>.</param>
    /// <returns>The catalog.</returns>
    public FlowCatalog AddJson(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        AddSource(problems => FlowJsonReader.Read(json, sourceName ?? "json", problems));
        return this;
    }

    /// <summary>Registers a lookup handler used by Lookup nodes; a later registration of the same name replaces it.</summary>
    /// <param name="name">The lookup name.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>The catalog.</returns>
    public FlowCatalog AddLookup(string name, LookupHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            ThrowIfBuilt();
            _lookups[name] = handler;
        }

        return this;
    }

    /// <summary>Runs <paramref name="flowName"/> for new interactions on a channel (e.g. <c>telegram</c>).</summary>
    /// <param name="channel">The channel name (case-insensitive).</param>
    /// <param name="flowName">The flow.</param>
    /// <returns>The catalog.</returns>
    public FlowCatalog BindChannel(string channel, string flowName) => Bind(entryPoint: false, channel, flowName);

    /// <summary>Runs <paramref name="flowName"/> for new interactions arriving at an entry point (a dialled number,
    /// a bot name); entry-point bindings win over channel bindings.</summary>
    /// <param name="entryPoint">The entry point (case-insensitive).</param>
    /// <param name="flowName">The flow.</param>
    /// <returns>The catalog.</returns>
    public FlowCatalog BindEntryPoint(string entryPoint, string flowName) => Bind(entryPoint: true, entryPoint, flowName);

    /// <summary>Runs <paramref name="flowName"/> when no binding matches. Default: the only flow, when there is one.</summary>
    /// <param name="flowName">The flow.</param>
    /// <returns>The catalog.</returns>
    public FlowCatalog SetDefaultFlow(string flowName)
    {
        ArgumentException.ThrowIfNullOrEmpty(flowName);
        lock (_gate)
        {
            ThrowIfBuilt();
            _defaultFlow = flowName;
        }

        return this;
    }

    /// <summary>Builds and validates every registered flow, lookup reference, SubFlow reference and binding. Idempotent.</summary>
    /// <exception cref="FlowValidationException">Listing every problem found.</exception>
    public void Build()
    {
        var validation = Validate();
        if (validation.Problems.Count > 0)
        {
            throw new FlowValidationException(validation.Problems.ToList());
        }
    }

    /// <summary>
    /// Builds and validates like <see cref="Build"/> but returns what it found instead of throwing: every problem, the
    /// flows that built (so a host can check them further even when another flow is broken) and the channel names
    /// bound to a flow. The catalog is built (and read-only) only when there is no problem.
    /// </summary>
    /// <returns>The problems, the flows that built and the bound channels.</returns>
    public FlowCatalogValidation Validate()
    {
        lock (_gate)
        {
            if (_flows is not null)
            {
                return new FlowCatalogValidation([], _flows.Values.ToArray(), _channelBindings.Keys.ToArray());
            }

            var problems = new List<FlowValidationProblem>();
            var flows = new Dictionary<string, Flow>(StringComparer.Ordinal);
            var bindings = new List<(bool EntryPoint, string Key, string Flow)>(_bindings);
            var defaultFlow = _defaultFlow;
            foreach (var source in _sources)
            {
                foreach (var definition in source(problems))
                {
                    var flow = definition.Flow ?? definition.Builder!.TryBuild(problems);
                    var name = flow?.Name ?? definition.Builder?.Name ?? string.Empty;
                    if (flow is not null && !flows.TryAdd(flow.Name, flow))
                    {
                        problems.Add(new FlowValidationProblem(flow.Name, null, "a flow with this name is registered twice."));
                    }

                    bindings.AddRange(definition.Channels.Select(c => (false, c, name)));
                    bindings.AddRange(definition.EntryPoints.Select(e => (true, e, name)));
                    if (definition.IsDefault)
                    {
                        defaultFlow ??= name;
                    }
                }
            }

            foreach (var flow in flows.Values)
            {
                foreach (var sub in flow.SubFlowReferences)
                {
                    if (!flows.ContainsKey(sub))
                    {
                        problems.Add(new FlowValidationProblem(flow.Name, null, $"SubFlow references unknown flow '{sub}'."));
                    }
                }

                foreach (var lookup in flow.LookupReferences)
                {
                    if (!_lookups.ContainsKey(lookup))
                    {
                        problems.Add(new FlowValidationProblem(flow.Name, null, $"Lookup '{lookup}' is not registered (FlowCatalog.AddLookup)."));
                    }
                }
            }

            foreach (var (entryPoint, key, flowName) in bindings)
            {
                if (!flows.ContainsKey(flowName) && problems.TrueForAll(p => p.Flow != flowName))
                {
                    problems.Add(new FlowValidationProblem(flowName, null, $"the {(entryPoint ? "entry point" : "channel")} '{key}' is bound to an unknown flow."));
                }

                (entryPoint ? _entryPointBindings : _channelBindings)[key] = flowName;
            }

            if (defaultFlow is not null && !flows.ContainsKey(defaultFlow) && problems.TrueForAll(p => p.Flow != defaultFlow))
            {
                problems.Add(new FlowValidationProblem(defaultFlow, null, "the default flow is unknown."));
            }

            var channels = bindings.Where(b => !b.EntryPoint).Select(b => b.Key).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (problems.Count > 0)
            {
                _channelBindings.Clear();
                _entryPointBindings.Clear();
                return new FlowCatalogValidation(problems, flows.Values.ToArray(), channels);
            }

            _defaultFlow = defaultFlow ?? (flows.Count == 1 ? flows.Keys.First() : null);
            Volatile.Write(ref _flows, flows);
            return new FlowCatalogValidation([], flows.Values.ToArray(), channels);
        }
    }

    /// <summary>Gets a built flow.</summary>
    /// <param name="name">The flow name.</param>
    /// <param name="flow">The flow.</param>
    /// <returns>True when found.</returns>
    public bool TryGetFlow(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Flow? flow)
    {
        flow = null;
        return Built().TryGetValue(name, out flow);
    }

    /// <summary>Gets a built flow.</summary>
    /// <param name="name">The flow name.</param>
    /// <returns>The flow.</returns>
    /// <exception cref="KeyNotFoundException">No such flow.</exception>
    public Flow GetFlow(string name) =>
        TryGetFlow(name, out var flow) ? flow : throw new KeyNotFoundException($"No flow named '{name}' is registered.");

    /// <summary>The flow for a new interaction: the entry-point binding, else the channel binding, else the default flow.</summary>
    /// <param name="channel">The channel.</param>
    /// <param name="entryPoint">The entry point, or null.</param>
    /// <returns>The flow, or null when nothing is bound.</returns>
    public Flow? ResolveFlow(string channel, string? entryPoint)
    {
        var flows = Built();
        if (entryPoint is not null && _entryPointBindings.TryGetValue(entryPoint, out var byEntry))
        {
            return flows[byEntry];
        }

        if (channel is not null && _channelBindings.TryGetValue(channel, out var byChannel))
        {
            return flows[byChannel];
        }

        return _defaultFlow is null ? null : flows[_defaultFlow];
    }

    internal LookupHandler? GetLookup(string name) => _lookups.GetValueOrDefault(name);

    private FlowCatalog Bind(bool entryPoint, string key, string flowName)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(flowName);
        lock (_gate)
        {
            ThrowIfBuilt();
            _bindings.Add((entryPoint, key, flowName));
        }

        return this;
    }

    private void AddSource(Func<List<FlowValidationProblem>, IEnumerable<FlowDefinition>> source)
    {
        lock (_gate)
        {
            ThrowIfBuilt();
            _sources.Add(source);
        }
    }

    private Dictionary<string, Flow> Built() =>
        Volatile.Read(ref _flows) ?? throw new InvalidOperationException("The flow catalog is not built yet; call Build() first.");

    private void ThrowIfBuilt()
    {
        if (_flows is not null)
        {
            throw new InvalidOperationException("The flow catalog is built and can no longer change.");
        }
    }
}
