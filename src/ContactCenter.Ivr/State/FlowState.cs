using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Ivr.State;

/// <summary>
/// The persisted position of a flow in one interaction: flow, node, variables and SubFlow call stack. The runner owns
/// one instance per run and mutates it in place; a store must copy what it keeps before its save completes.
/// Not thread-safe.
/// </summary>
public sealed class FlowState
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The interaction.</summary>
    public InteractionId InteractionId { get; set; }

    /// <summary>The flow currently executing (the innermost SubFlow while one runs).</summary>
    public string FlowName { get; set; } = string.Empty;

    /// <summary>The node being executed; a resumed run re-enters it (a Menu prompts again).</summary>
    public string NodeId { get; set; } = string.Empty;

    /// <summary>Running or completed.</summary>
    public FlowRunStatus Status { get; set; }

    /// <summary>Steps executed so far in this interaction (incremented on each node entry).</summary>
    public long Step { get; set; }

    /// <summary>When the state was last saved, from the runner's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The flow variables (ordinal keys).</summary>
    public Dictionary<string, string> Variables { get; init; } = new(StringComparer.Ordinal);

    /// <summary>SubFlow calls in progress, outermost first.</summary>
    public List<FlowFrame> CallStack { get; init; } = new();

    /// <summary>Copies every field of <paramref name="source"/> into this instance, reusing its collections.</summary>
    /// <param name="source">The state to copy.</param>
    public void CopyFrom(FlowState source)
    {
        ArgumentNullException.ThrowIfNull(source);
        InteractionId = source.InteractionId;
        FlowName = source.FlowName;
        NodeId = source.NodeId;
        Status = source.Status;
        Step = source.Step;
        UpdatedAt = source.UpdatedAt;
        Variables.Clear();
        foreach (var pair in source.Variables)
        {
            Variables[pair.Key] = pair.Value;
        }

        CallStack.Clear();
        CallStack.AddRange(source.CallStack);
    }

    /// <summary>A deep copy.</summary>
    /// <returns>A new instance with the same content.</returns>
    public FlowState Clone()
    {
        var copy = new FlowState();
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>Serialises the state (e.g. as the payload of a flow-progress timeline event).</summary>
    /// <returns>Compact JSON.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Reads a state written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The state.</returns>
    /// <exception cref="JsonException">The JSON is not a flow state.</exception>
    public static FlowState FromJson(string json) =>
        JsonSerializer.Deserialize<FlowState>(json, s_json) ?? throw new JsonException("The JSON holds no flow state.");
}
