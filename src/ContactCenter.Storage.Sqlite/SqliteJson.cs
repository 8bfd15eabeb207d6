using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ContactCenter.Storage.Sqlite;

/// <summary>
/// The JSON form of stored payloads. It is a persistence format: ids are written as plain strings, enums by
/// name (so reordering an enum never changes stored data), absent optional values are left out, and
/// polymorphic events carry the <c>$type</c> discriminators declared on the abstractions.
/// </summary>
internal static class SqliteJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json)
        => JsonSerializer.Deserialize<T>(json, Options) ?? throw new InteractionStoreException($"A stored {typeof(T).Name} is empty.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { DropComputedMembers } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new StringConverter<CustomerId>(v => v.Value.ToString("N"), s => new CustomerId(Guid.Parse(s))));
        options.Converters.Add(new StringConverter<InteractionId>(v => v.Value.ToString("N"), s => new InteractionId(Guid.Parse(s))));
        options.Converters.Add(new StringConverter<TimelineEventId>(v => v.Value.ToString("N"), s => new TimelineEventId(Guid.Parse(s))));
        options.Converters.Add(new StringConverter<AgentId>(v => v.Value, s => new AgentId(s)));
        options.Converters.Add(new StringConverter<QueueId>(v => v.Value, s => new QueueId(s)));
        options.Converters.Add(new StringConverter<TenantId>(v => v.Value, s => new TenantId(s)));
        options.Converters.Add(new StringConverter<CaseId>(v => v.Value, s => new CaseId(s)));
        options.Converters.Add(new StringConverter<IdentityKind>(v => v.Name, s => new IdentityKind(s)));
        options.Converters.Add(new CustomerIdentityConverter());
        options.MakeReadOnly(populateMissingResolver: false);
        return options;
    }

    // Interaction.IsEnded is derived from State; storing it would only invite disagreement.
    private static void DropComputedMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type == typeof(Interaction))
        {
            for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
            {
                if (typeInfo.Properties[i].Set is null)
                {
                    typeInfo.Properties.RemoveAt(i);
                }
            }
        }
    }

    private sealed class StringConverter<T>(Func<T, string> write, Func<string, T> read) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} cannot be null.");
            try
            {
                return read(text);
            }
            catch (FormatException ex)
            {
                throw new JsonException($"'{text}' is not a valid {typeof(T).Name}.", ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(write(value));
    }

    // {"kind":"phone","value":"+4930123"}: the value is stored normalized and normalizing it again changes nothing.
    private sealed class CustomerIdentityConverter : JsonConverter<CustomerIdentity>
    {
        public override CustomerIdentity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("A customer identity must be an object.");
            }

            string? kind = null;
            string? value = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "kind":
                        kind = reader.GetString();
                        break;
                    case "value":
                        value = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (string.IsNullOrEmpty(kind) || string.IsNullOrEmpty(value))
            {
                throw new JsonException("A customer identity needs a kind and a value.");
            }

            return new CustomerIdentity(new IdentityKind(kind), value);
        }

        public override void Write(Utf8JsonWriter writer, CustomerIdentity value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", value.Kind.Name);
            writer.WriteString("value", value.Value);
            writer.WriteEndObject();
        }
    }
}
