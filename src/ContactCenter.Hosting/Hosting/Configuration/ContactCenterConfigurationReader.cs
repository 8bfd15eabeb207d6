using System.Collections.Immutable;
using System.Globalization;
using ContactCenter.Routing;
using ContactCenter.Routing.Strategies;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Hosting.Configuration;

/// <summary>
/// Reads the <c>ContactCenter</c> configuration section (<c>appsettings.json</c>, environment variables…) into
/// everything the builder can set: scalar options, tenants, queues, agents, wrap-up codes, channel routes, routing
/// and flow files and bindings (storage sections are read by their package, for example <c>UseSqliteStorage</c>).
/// The general-purpose binder cannot do this: the ids are value types (<c>"Id": "support"</c> would not bind) and
/// the definitions hold immutable collections. Reading by hand also lets every unreadable value and unknown option
/// be reported at start with every other problem, instead of one binder exception.
/// See docs/configuration.md for the schema.
/// </summary>
internal sealed class ContactCenterConfigurationReader : IContactCenterConfigurationCheck
{
    private const string Root = ContactCenterOptions.SectionName;

    private static readonly string[] s_rootOptions =
    [
        nameof(ContactCenterOptions.MaxBatchSize), nameof(ContactCenterOptions.IngestQueueCapacity),
        nameof(ContactCenterOptions.DeliveryAttempts), nameof(ContactCenterOptions.DeliveryRetryDelay),
        nameof(ContactCenterOptions.AllowUnknownAgents), nameof(ContactCenterOptions.DefaultQueue),
        nameof(ContactCenterOptions.Tenants), nameof(ContactCenterOptions.Queues), nameof(ContactCenterOptions.Agents),
        nameof(ContactCenterOptions.WrapUpCodes), nameof(ContactCenterOptions.ChannelQueues), "Routing", "Flows", "Storage", "Channels",
    ];

    private static readonly string[] s_queueOptions =
    [
        "Id", "DisplayName", "RequiredSkills", "Language", "Tenant", "Priority", "ServiceLevelTarget", "MaxLength",
        "OfferTimeout", "OverflowQueue",
    ];

    private static readonly string[] s_agentOptions = ["Id", "DisplayName", "Skills", "Languages", "Capacity", "Tenants"];
    private static readonly string[] s_tenantOptions = ["Id", "DisplayName"];
    private static readonly string[] s_wrapUpOptions = ["Code", "DisplayName", "Resolved"];

    private static readonly string[] s_routingOptions =
    [
        "Strategy", "OfferTimeout", "MissedOffersBeforeAway", "DeclineCooldown", "CommandCapacity", "AutomaticTimers",
    ];

    private static readonly string[] s_strategyOptions = ["Name", "MaxAgents", "Seed"];

    private static readonly string[] s_strategies =
    [
        "longest-idle", "round-robin", "best-skill-score", "least-occupied", "least-talk-time", "ring-all", "weighted-random",
    ];

    private static readonly string[] s_flowOptions = ["Files", "Channels", "EntryPoints", "Default"];

    private readonly List<string> _problems = [];
    private readonly List<Action<ContactCenterOptions>> _options = [];
    private readonly List<Action<ContactCenterRoutingBuilder>> _routing = [];

    private ContactCenterConfigurationReader()
    {
    }

    /// <summary>Applies the section's options; the options the builder sets in code are applied after these.</summary>
    public Action<ContactCenterOptions> Options => o => _options.ForEach(a => a(o));

    /// <summary>Applies the section's routing options, before any <c>ConfigureRouting</c> in code.</summary>
    public Action<ContactCenterRoutingBuilder>? Routing => _routing.Count == 0 ? null : b => _routing.ForEach(a => a(b));

    /// <summary>Flow files (full paths), in order.</summary>
    public List<string> FlowFiles { get; } = [];

    /// <summary>Channel → flow bindings.</summary>
    public List<(string Channel, string Flow)> FlowChannels { get; } = [];

    /// <summary>Entry point → flow bindings.</summary>
    public List<(string EntryPoint, string Flow)> FlowEntryPoints { get; } = [];

    /// <summary>The default flow, if set.</summary>
    public string? DefaultFlow { get; private set; }

    /// <summary>Every value that could not be read, each naming its option.</summary>
    public IEnumerable<string> Validate() => _problems;

    /// <summary>Reads <paramref name="section"/> now (once, when <c>AddContactCenter</c> is first called).</summary>
    /// <param name="section">The <c>ContactCenter</c> section.</param>
    /// <param name="contentRoot">The folder relative flow file paths are relative to.</param>
    public static ContactCenterConfigurationReader Read(IConfigurationSection section, string contentRoot)
    {
        var reader = new ContactCenterConfigurationReader();
        reader.ReadRoot(section, contentRoot);
        return reader;
    }

    private void ReadRoot(IConfigurationSection section, string contentRoot)
    {
        foreach (var child in section.GetChildren())
        {
            // Storage and Channels are the packages' subsections (Storage:Sqlite, a connector's options): theirs to read.
            // Anything else is a typo ("Queus") that would otherwise be ignored without a word.
            if (!s_rootOptions.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                Unknown(Root, null, child.Key, s_rootOptions);
            }
        }

        ReadInt(section, Root, null, nameof(ContactCenterOptions.MaxBatchSize), v => _options.Add(o => o.MaxBatchSize = v));
        ReadInt(section, Root, null, nameof(ContactCenterOptions.IngestQueueCapacity), v => _options.Add(o => o.IngestQueueCapacity = v));
        ReadInt(section, Root, null, nameof(ContactCenterOptions.DeliveryAttempts), v => _options.Add(o => o.DeliveryAttempts = v));
        ReadTime(section, Root, null, nameof(ContactCenterOptions.DeliveryRetryDelay), v => _options.Add(o => o.DeliveryRetryDelay = v));
        ReadBool(section, Root, null, nameof(ContactCenterOptions.AllowUnknownAgents), v => _options.Add(o => o.AllowUnknownAgents = v));
        if (section[nameof(ContactCenterOptions.DefaultQueue)] is { Length: > 0 } defaultQueue)
        {
            _options.Add(o => o.DefaultQueue = new QueueId(defaultQueue));
        }

        foreach (var (item, tenant) in Items(section, nameof(ContactCenterOptions.Tenants), s_tenantOptions))
        {
            var definition = new TenantDefinition(new TenantId(Id(tenant, item)), tenant["DisplayName"]);
            _options.Add(o => o.Tenants.Add(definition));
        }

        foreach (var (item, queue) in Items(section, nameof(ContactCenterOptions.Queues), s_queueOptions))
        {
            ReadQueue(item, queue);
        }

        foreach (var (item, agent) in Items(section, nameof(ContactCenterOptions.Agents), s_agentOptions))
        {
            ReadAgent(item, agent);
        }

        foreach (var (item, code) in Items(section, nameof(ContactCenterOptions.WrapUpCodes), s_wrapUpOptions))
        {
            // A plain list of strings ("WrapUpCodes": ["resolved"]) is allowed too.
            var value = code.Value ?? code["Code"] ?? string.Empty;
            var resolved = false;
            ReadBool(code, SectionOf(nameof(ContactCenterOptions.WrapUpCodes)), item, "Resolved", v => resolved = v);
            var wrapUp = new WrapUpCode(value, code["DisplayName"], resolved);
            _options.Add(o => o.WrapUpCodes.Add(wrapUp));
        }

        foreach (var route in section.GetSection(nameof(ContactCenterOptions.ChannelQueues)).GetChildren())
        {
            if (route.Value is null)
            {
                Problem(SectionOf(nameof(ContactCenterOptions.ChannelQueues)), route.Key, null, "is not a queue id", "\"channel\": \"queue id\"");
                continue;
            }

            var (channel, queue) = (route.Key, new QueueId(route.Value));
            _options.Add(o => o.ChannelQueues[channel] = queue);
        }

        ReadRouting(section.GetSection("Routing"));
        ReadFlows(section.GetSection("Flows"), contentRoot);
    }

    private void ReadQueue(string item, IConfigurationSection queue)
    {
        var s = SectionOf(nameof(ContactCenterOptions.Queues));
        var definition = new QueueDefinition
        {
            Id = new QueueId(Id(queue, item)),
            DisplayName = queue["DisplayName"],
            Language = queue["Language"],
            Tenant = queue["Tenant"] is { Length: > 0 } tenant ? new TenantId(tenant) : null,
            OverflowQueue = queue["OverflowQueue"] is { Length: > 0 } overflow ? new QueueId(overflow) : null,
            RequiredSkills = Skills(queue.GetSection("RequiredSkills"), s, item),
        };
        ReadInt(queue, s, item, "Priority", v => definition = definition with { Priority = v });
        ReadInt(queue, s, item, "MaxLength", v => definition = definition with { MaxLength = v });
        ReadTime(queue, s, item, "ServiceLevelTarget", v => definition = definition with { ServiceLevelTarget = v });
        ReadTime(queue, s, item, "OfferTimeout", v => definition = definition with { OfferTimeout = v });
        _options.Add(o => o.Queues.Add(definition));
    }

    private void ReadAgent(string item, IConfigurationSection agent)
    {
        var s = SectionOf(nameof(ContactCenterOptions.Agents));
        var capacity = AgentDefinition.DefaultCapacity;
        foreach (var media in agent.GetSection("Capacity").GetChildren())
        {
            if (!Enum.TryParse<MediaType>(media.Key, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(media.Key, out _))
            {
                Problem(s, item, "Capacity:" + media.Key, "is not a media type", string.Join(", ", Enum.GetNames<MediaType>()));
            }
            else if (int.TryParse(media.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                capacity = capacity.SetItem(type, count);
            }
            else
            {
                Problem(s, item, "Capacity:" + media.Key, $"'{media.Value}' is not a whole number", "0 (takes none) or more");
            }
        }

        var definition = new AgentDefinition
        {
            Id = new AgentId(Id(agent, item)),
            DisplayName = agent["DisplayName"],
            Skills = Skills(agent.GetSection("Skills"), s, item),
            Languages = ImmutableHashSet.CreateRange(StringComparer.OrdinalIgnoreCase, Strings(agent.GetSection("Languages"))),
            Capacity = capacity,
            Tenants = [.. Strings(agent.GetSection("Tenants")).Select(t => new TenantId(t))],
        };
        _options.Add(o => o.Agents.Add(definition));
    }

    private void ReadRouting(IConfigurationSection routing)
    {
        const string s = Root + ":Routing";
        CheckKeys(routing, s, null, s_routingOptions);
        var strategy = routing.GetSection("Strategy");
        var name = strategy.Value ?? strategy["Name"];
        if (strategy.Value is null)
        {
            CheckKeys(strategy, s, null, s_strategyOptions, prefix: "Strategy:");
        }

        if (name is not null)
        {
            RoutingStrategyOptions? options = name.ToLowerInvariant() switch
            {
                "longest-idle" or "longestidle" => new LongestIdleStrategyOptions(),
                "round-robin" or "roundrobin" => new RoundRobinStrategyOptions(),
                "best-skill-score" or "bestskillscore" => new BestSkillScoreStrategyOptions(),
                "least-occupied" or "leastoccupied" => new LeastOccupiedStrategyOptions(),
                "least-talk-time" or "leasttalktime" => new LeastTalkTimeStrategyOptions(),
                "ring-all" or "ringall" => new RingAllStrategyOptions(),
                "weighted-random" or "weightedrandom" => new WeightedRandomStrategyOptions(),
                _ => null,
            };
            if (options is null)
            {
                Problem(s, null, "Strategy", $"'{name}' is not a routing strategy", string.Join(", ", s_strategies));
            }
            else
            {
                if (options is RingAllStrategyOptions ringAll)
                {
                    ReadInt(strategy, s, null, "MaxAgents", v => ringAll.MaxAgents = v, prefix: "Strategy:");
                }

                if (options is WeightedRandomStrategyOptions random)
                {
                    ReadInt(strategy, s, null, "Seed", v => random.Seed = v, prefix: "Strategy:");
                }

                _routing.Add(b => b.UseStrategy(options));
            }
        }

        ReadTime(routing, s, null, "OfferTimeout", v => _routing.Add(b => b.OfferTimeout = v));
        ReadInt(routing, s, null, "MissedOffersBeforeAway", v => _routing.Add(b => b.MissedOffersBeforeAway = v));
        ReadTime(routing, s, null, "DeclineCooldown", v => _routing.Add(b => b.DeclineCooldown = v));
        ReadInt(routing, s, null, "CommandCapacity", v => _routing.Add(b => b.CommandCapacity = v));
        ReadBool(routing, s, null, "AutomaticTimers", v => _routing.Add(b => b.AutomaticTimers = v));
    }

    private void ReadFlows(IConfigurationSection flows, string contentRoot)
    {
        const string s = Root + ":Flows";
        CheckKeys(flows, s, null, s_flowOptions);
        FlowFiles.AddRange(Strings(flows.GetSection("Files")).Select(f => Path.IsPathRooted(f) ? f : Path.GetFullPath(Path.Combine(contentRoot, f))));
        foreach (var binding in flows.GetSection("Channels").GetChildren())
        {
            if (binding.Value is { Length: > 0 } flow)
            {
                FlowChannels.Add((binding.Key, flow));
            }
            else
            {
                Problem(s, "Channels", binding.Key, "is not a flow name", "\"channel\": \"flow name\"");
            }
        }

        foreach (var binding in flows.GetSection("EntryPoints").GetChildren())
        {
            if (binding.Value is { Length: > 0 } flow)
            {
                FlowEntryPoints.Add((binding.Key, flow));
            }
            else
            {
                Problem(s, "EntryPoints", binding.Key, "is not a flow name", "\"entry point\": \"flow name\"");
            }
        }

        DefaultFlow = flows["Default"] is { Length: > 0 } d ? d : null;
    }

    /// <summary>The items of a list section (<c>[ {...} ]</c>, keyed 0, 1…) or of an object keyed by id (<c>{ "support": {...} }</c>).</summary>
    private IEnumerable<(string Item, IConfigurationSection Section)> Items(IConfigurationSection parent, string name, string[] known)
    {
        var s = SectionOf(name);
        foreach (var item in parent.GetSection(name).GetChildren())
        {
            CheckKeys(item, s, ItemName(item), known);
            if (known.Contains("Id") && Id(item, item.Key).Length == 0)
            {
                Problem(s, item.Key, "Id", "is missing", "a non-empty id (\"Id\": \"support\"), or an object keyed by id");
                continue;
            }

            yield return (ItemName(item), item);
        }
    }

    /// <summary>An item's name in messages: its id when it has one, else its key (a list position or an object key).</summary>
    private static string ItemName(IConfigurationSection item) => item["Id"] is { Length: > 0 } id ? id : item.Key;

    /// <summary>The item's id: <c>Id</c>, else the key of an object keyed by id; a list position is no id.</summary>
    private static string Id(IConfigurationSection item, string name)
        => item["Id"] is { Length: > 0 } id ? id : int.TryParse(item.Key, out _) ? string.Empty : name;

    private ImmutableDictionary<string, int> Skills(IConfigurationSection skills, string section, string item)
    {
        var result = ImmutableDictionary<string, int>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);
        foreach (var skill in skills.GetChildren())
        {
            if (int.TryParse(skill.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level))
            {
                result = result.SetItem(skill.Key, level);
            }
            else
            {
                Problem(section, item, $"{skills.Key}:{skill.Key}", $"'{skill.Value}' is not a whole number", "a level from 0 to 10 (\"skill\": level)");
            }
        }

        return result;
    }

    private static IEnumerable<string> Strings(IConfigurationSection list)
        => list.Value is { Length: > 0 } single ? [single] : list.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0);

    private void CheckKeys(IConfigurationSection section, string s, string? item, string[] known, string prefix = "")
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                Unknown(s, item, prefix + child.Key, known);
            }
        }
    }

    private void Unknown(string section, string? item, string option, string[] known)
        => Problem(section, item, option, "is not an option of this section", string.Join(", ", known));

    private void ReadInt(IConfigurationSection section, string s, string? item, string key, Action<int> set, string prefix = "")
    {
        if (section[key] is { } text)
        {
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                set(value);
            }
            else
            {
                Problem(s, item, prefix + key, $"'{text}' is not a whole number", "a whole number");
            }
        }
    }

    private void ReadTime(IConfigurationSection section, string s, string? item, string key, Action<TimeSpan> set)
    {
        if (section[key] is { } text)
        {
            if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
            {
                set(value);
            }
            else
            {
                Problem(s, item, key, $"'{text}' is not a time span", "hh:mm:ss, for example \"00:00:20\"");
            }
        }
    }

    private void ReadBool(IConfigurationSection section, string s, string? item, string key, Action<bool> set)
    {
        if (section[key] is { } text)
        {
            if (bool.TryParse(text, out var value))
            {
                set(value);
            }
            else
            {
                Problem(s, item, key, $"'{text}' is not true or false", "true, false");
            }
        }
    }

    private void Problem(string section, string? item, string? option, string problem, string allowed)
        => _problems.Add(ConfigurationProblem.Format(section, item, option, problem, allowed));

    private static string SectionOf(string name) => Root + ":" + name;
}
