namespace ContactCenter.Hosting.Configuration;

/// <summary>Lists names for the "allowed:" part of a configuration problem.</summary>
internal static class AllowedNames
{
    public const string NoChannel = "none is registered (add one with AddChannel)";

    public const string NoQueue = "none is configured (ContactCenter:Queues)";

    public static string List(IEnumerable<string> names, string whenNone)
    {
        var list = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(n => $"'{n}'").ToList();
        return list.Count == 0 ? whenNone : string.Join(", ", list);
    }
}
