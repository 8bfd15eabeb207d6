using System.Globalization;
using System.Text.RegularExpressions;
using ContactCenter.Ivr.Engine;

namespace ContactCenter.Ivr.Primitives.Branch;

/// <summary>A <see cref="BranchCondition"/> parsed once at build time.</summary>
internal sealed class CompiledCondition
{
    private readonly BranchCondition _c;
    private readonly TimeZoneInfo _zone;
    private readonly Regex? _regex;
    private readonly string[] _list;
    private readonly string _from = string.Empty;
    private readonly string _to = string.Empty;

    public CompiledCondition(BranchCondition condition, NodeValidation v, string property)
    {
        _c = condition;
        _zone = TimeZoneInfo.Utc;
        _list = Array.Empty<string>();
        if (condition.Source is ConditionSource.Variable or ConditionSource.Attribute && string.IsNullOrWhiteSpace(condition.Name))
        {
            v.Problem($"{property}.Name is required for source {condition.Source}.");
        }

        if (condition.Source is ConditionSource.TimeOfDay or ConditionSource.DayOfWeek or ConditionSource.Date)
        {
            _zone = v.TimeZone(condition.TimeZone, $"{property}.TimeZone") ?? TimeZoneInfo.Utc;
        }

        var value = condition.Value ?? string.Empty;
        switch (condition.Operator)
        {
            case ConditionOperator.Exists:
            case ConditionOperator.NotExists:
                break;
            case ConditionOperator.Matches:
                v.Required(condition.Value, $"{property}.Value");
                _regex = v.Pattern(condition.Value, $"{property}.Value");
                break;
            case ConditionOperator.In:
                _list = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (_list.Length == 0)
                {
                    v.Problem($"{property}.Value must list at least one value for In.");
                }

                break;
            case ConditionOperator.Between:
                var range = value.Split("..", StringSplitOptions.TrimEntries);
                if (range.Length != 2 || range[0].Length == 0 || range[1].Length == 0)
                {
                    v.Problem($"{property}.Value must be 'from..to' for Between.");
                }
                else
                {
                    (_from, _to) = (range[0], range[1]);
                }

                break;
            default:
                if (condition.Value is null)
                {
                    v.Problem($"{property}.Value is required for {condition.Operator}.");
                }

                break;
        }
    }

    public bool Evaluate(FlowExecution x)
    {
        var subject = Subject(x);
        var value = _c.Value ?? string.Empty;
        switch (_c.Operator)
        {
            case ConditionOperator.Exists:
                return !string.IsNullOrEmpty(subject);
            case ConditionOperator.NotExists:
                return string.IsNullOrEmpty(subject);
            case ConditionOperator.NotEquals:
                return subject is null || !subject.Equals(value, StringComparison.OrdinalIgnoreCase);
        }

        if (subject is null)
        {
            return false;
        }

        switch (_c.Operator)
        {
            case ConditionOperator.Equals:
                return subject.Equals(value, StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.Contains:
                return subject.Contains(value, StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.StartsWith:
                return subject.StartsWith(value, StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.Matches:
                return _regex is not null && _regex.IsMatch(subject);
            case ConditionOperator.In:
                foreach (var item in _list)
                {
                    if (subject.Equals(item, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            case ConditionOperator.GreaterThan:
                return Compare(subject, value) > 0;
            case ConditionOperator.LessThan:
                return Compare(subject, value) < 0;
            case ConditionOperator.Between:
                var wraps = Compare(_from, _to) > 0;
                return wraps
                    ? Compare(subject, _from) >= 0 || Compare(subject, _to) < 0
                    : Compare(subject, _from) >= 0 && Compare(subject, _to) < 0;
            default:
                return false;
        }
    }

    private string? Subject(FlowExecution x)
    {
        switch (_c.Source)
        {
            case ConditionSource.Variable:
                return x.Variables.GetValueOrDefault(_c.Name ?? string.Empty);
            case ConditionSource.Attribute:
                return x.Session.CustomerAttributes.GetValueOrDefault(_c.Name ?? string.Empty);
            case ConditionSource.Channel:
                return x.Session.Channel;
        }

        var local = TimeZoneInfo.ConvertTime(x.Time.GetUtcNow(), _zone);
        return _c.Source switch
        {
            ConditionSource.TimeOfDay => local.ToString("HH:mm", CultureInfo.InvariantCulture),
            ConditionSource.DayOfWeek => local.DayOfWeek.ToString().ToLowerInvariant(),
            _ => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    private static int Compare(string a, string b) =>
        decimal.TryParse(a, NumberStyles.Number, CultureInfo.InvariantCulture, out var x)
        && decimal.TryParse(b, NumberStyles.Number, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
}
