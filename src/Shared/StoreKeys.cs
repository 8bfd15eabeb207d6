#pragma warning disable IDE0130 // One source file compiled into every store of this repository (Core's in-memory store, SQLite).
namespace ContactCenter.Storage;
#pragma warning restore IDE0130

/// <summary>
/// The key rule every store keeps (compiled into each store's assembly): keys must be stored exactly. SQLite keeps
/// text as UTF-8, where a lone UTF-16 surrogate becomes U+FFFD, so a key holding one would no longer match itself
/// (duplicate detection, threading); every store refuses such keys, as the conformance kit checks.
/// </summary>
internal static class StoreKeys
{
    /// <summary>Whether <paramref name="key"/> is valid UTF-16 (no unpaired surrogate).</summary>
    public static bool IsValid(string key)
    {
        var span = key.AsSpan();
        var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (i < 0)
        {
            return true;
        }

        for (; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The error for a key that is not valid UTF-16, showing its surrogates escaped.</summary>
    public static InteractionStoreException Invalid(string what, string value)
        => new($"{what} '{string.Concat(value.Take(200).Select(c => char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()))}' is not valid UTF-16 (it holds a lone surrogate); keys are stored exactly or not at all.");
}
