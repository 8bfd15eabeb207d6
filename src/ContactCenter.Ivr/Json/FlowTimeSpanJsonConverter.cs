using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Ivr.Json;

/// <summary>Reads time-outs as seconds (<c>5</c>, <c>2.5</c>), with a unit (<c>"250ms"</c>, <c>"5s"</c>, <c>"2m"</c>,
/// <c>"1h"</c>) or as a TimeSpan (<c>"00:00:05"</c>); writes the TimeSpan form.</summary>
internal sealed class FlowTimeSpanJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return TimeSpan.FromSeconds(reader.GetDouble());
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A time-out must be a number of seconds or a string such as \"5s\", \"250ms\", \"2m\" or \"00:00:05\".");
        }

        var text = reader.GetString()!.Trim();
        if (TryParseWithUnit(text, out var value) || TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not a time-out; use seconds (5), \"5s\", \"250ms\", \"2m\", \"1h\" or \"00:00:05\".");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));

    private static bool TryParseWithUnit(string text, out TimeSpan value)
    {
        value = default;
        (string Suffix, double Scale)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, scale) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text.AsSpan(0, text.Length - suffix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                value = TimeSpan.FromSeconds(number * scale);
                return true;
            }
        }

        return false;
    }
}
