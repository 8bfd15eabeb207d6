namespace ContactCenter.Ivr.Services;

/// <summary>What a lookup handler returns: found values (copied into flow variables) or not found.</summary>
public sealed class LookupResult
{
    private static readonly Dictionary<string, string> s_empty = new();

    private LookupResult(bool found, IReadOnlyDictionary<string, string> values)
    {
        Found = found;
        Values = values;
    }

    /// <summary>A lookup that found nothing; the flow takes the node's not-found branch.</summary>
    public static LookupResult NotFound { get; } = new(false, s_empty);

    /// <summary>True when something was found.</summary>
    public bool Found { get; }

    /// <summary>The values found; each becomes the variable <c>{prefix}.{key}</c>.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>A successful lookup.</summary>
    /// <param name="values">The values found.</param>
    /// <returns>The result.</returns>
    public static LookupResult Success(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new LookupResult(true, values);
    }
}
