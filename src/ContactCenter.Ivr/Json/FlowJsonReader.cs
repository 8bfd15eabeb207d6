using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ContactCenter.Ivr.Primitives.BotAnswer;
using ContactCenter.Ivr.Primitives.Branch;
using ContactCenter.Ivr.Primitives.BusinessHours;
using ContactCenter.Ivr.Primitives.Collect;
using ContactCenter.Ivr.Primitives.End;
using ContactCenter.Ivr.Primitives.Enqueue;
using ContactCenter.Ivr.Primitives.Goto;
using ContactCenter.Ivr.Primitives.Lookup;
using ContactCenter.Ivr.Primitives.Menu;
using ContactCenter.Ivr.Primitives.OfferCallback;
using ContactCenter.Ivr.Primitives.Play;
using ContactCenter.Ivr.Primitives.Record;
using ContactCenter.Ivr.Primitives.Say;
using ContactCenter.Ivr.Primitives.SetVariable;
using ContactCenter.Ivr.Primitives.SubFlow;
using ContactCenter.Ivr.Primitives.Transfer;

namespace ContactCenter.Ivr.Json;

/// <summary>Reads the JSON flow format into the same builders the code API uses, so both behave identically.
/// Every problem (bad JSON, unknown type, unknown property, wrong value) is collected, not thrown.</summary>
internal static class FlowJsonReader
{
    private static readonly Dictionary<string, Type> s_types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["say"] = typeof(SayOptions),
        ["play"] = typeof(PlayOptions),
        ["menu"] = typeof(MenuOptions),
        ["collectDigits"] = typeof(CollectDigitsOptions),
        ["collectInput"] = typeof(CollectInputOptions),
        ["branch"] = typeof(BranchOptions),
        ["businessHours"] = typeof(BusinessHoursOptions),
        ["setVariable"] = typeof(SetVariableOptions),
        ["lookup"] = typeof(LookupOptions),
        ["enqueue"] = typeof(EnqueueOptions),
        ["transferToAgent"] = typeof(TransferToAgentOptions),
        ["transferToQueue"] = typeof(TransferToQueueOptions),
        ["transferToNumber"] = typeof(TransferToNumberOptions),
        ["record"] = typeof(RecordOptions),
        ["offerCallback"] = typeof(OfferCallbackOptions),
        ["botAnswer"] = typeof(BotAnswerOptions),
        ["subFlow"] = typeof(SubFlowOptions),
        ["goto"] = typeof(GotoOptions),
        ["end"] = typeof(EndOptions),
    };

    private static readonly HashSet<string> s_flowProperties = new(StringComparer.Ordinal)
    {
        "name", "start", "nodes", "channels", "entryPoints", "default", "description", "$schema",
    };

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters =
        {
            new JsonStringEnumConverter(JsonNamingPolicy.CamelCase),
            new FlowTimeSpanJsonConverter(),
        },
    };

    private static readonly JsonNodeOptions s_nodeOptions = new() { PropertyNameCaseInsensitive = false };

    private static readonly JsonDocumentOptions s_documentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The JSON type names of the primitives.</summary>
    public static IReadOnlyCollection<string> TypeNames => s_types.Keys;

    public static IReadOnlyList<FlowDefinition> Read(string json, string source, List<FlowValidationProblem> problems)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, s_nodeOptions, s_documentOptions);
        }
        catch (JsonException ex)
        {
            problems.Add(new FlowValidationProblem(source, null, $"invalid JSON: {ex.Message}"));
            return Array.Empty<FlowDefinition>();
        }

        var flows = root switch
        {
            JsonArray array => array,
            JsonObject obj when obj["flows"] is JsonArray array => array,
            JsonObject obj => new[] { (JsonNode?)obj }.AsEnumerable(),
            _ => null,
        };
        if (flows is null)
        {
            problems.Add(new FlowValidationProblem(source, null, "expected a flow object, an array of flows or { \"flows\": [...] }."));
            return Array.Empty<FlowDefinition>();
        }

        var result = new List<FlowDefinition>();
        var index = 0;
        foreach (var flow in flows)
        {
            if (flow is JsonObject obj)
            {
                result.Add(ReadFlow(obj, source, index, problems));
            }
            else
            {
                problems.Add(new FlowValidationProblem(source, null, $"flows[{index}] is not an object."));
            }

            index++;
        }

        return result;
    }

    private static FlowDefinition ReadFlow(JsonObject obj, string source, int index, List<FlowValidationProblem> problems)
    {
        var name = ReadString(obj, "name");
        var builder = new FlowBuilder(name ?? string.Empty);
        var definition = new FlowDefinition(builder);
        if (name is null)
        {
            problems.Add(new FlowValidationProblem(source, null, $"flows[{index}] has no \"name\"."));
        }

        foreach (var property in obj)
        {
            if (!s_flowProperties.Contains(property.Key))
            {
                builder.AddProblem(null, $"unknown flow property \"{property.Key}\".");
            }
        }

        if (ReadString(obj, "start") is { } start)
        {
            builder.StartAt(start);
        }

        ReadStrings(obj, "channels", definition.Channels, builder);
        ReadStrings(obj, "entryPoints", definition.EntryPoints, builder);
        if (obj["default"] is JsonValue isDefault && isDefault.TryGetValue<bool>(out var flag))
        {
            definition.IsDefault = flag;
        }

        if (obj["nodes"] is not JsonArray nodes)
        {
            builder.AddProblem(null, "\"nodes\" must be an array of nodes.");
            return definition;
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not JsonObject node)
            {
                builder.AddProblem(null, $"nodes[{i}] is not an object.");
                continue;
            }

            var id = ReadString(node, "id");
            var type = ReadString(node, "type");
            var where = id ?? $"nodes[{i}]";
            if (id is null)
            {
                builder.AddProblem(null, $"nodes[{i}] has no \"id\".");
            }

            if (type is null || !s_types.TryGetValue(type, out var optionsType))
            {
                builder.AddProblem(where, type is null
                    ? "the node has no \"type\"."
                    : $"unknown type \"{type}\" (known: {string.Join(", ", s_types.Keys)}).");
                continue;
            }

            var body = (JsonObject)node.DeepClone();
            body.Remove("id");
            body.Remove("type");
            try
            {
                var options = (NodeOptions?)body.Deserialize(optionsType, s_options)
                    ?? throw new JsonException("the node is null.");
                if (id is not null)
                {
                    builder.Add(id, options);
                }
            }
            catch (JsonException ex)
            {
                builder.AddProblem(where, $"invalid {type} node: {ex.Message}");
            }
        }

        return definition;
    }

    private static string? ReadString(JsonObject obj, string property) =>
        obj[property] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static void ReadStrings(JsonObject obj, string property, List<string> target, FlowBuilder builder)
    {
        var node = obj[property];
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray array)
        {
            builder.AddProblem(null, $"\"{property}\" must be an array of strings.");
            return;
        }

        foreach (var item in array)
        {
            if (item is JsonValue v && v.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
            {
                target.Add(text);
            }
            else
            {
                builder.AddProblem(null, $"\"{property}\" must contain only non-empty strings.");
            }
        }
    }
}
