namespace LoadLab.Core.Text;

/// <summary>
/// "Did you mean …?" for mistyped names: suite keys and values (through the CLI's <c>Suggestions</c>)
/// and the capacity simulator's presets and parameters. One implementation for every project.
/// </summary>
public static class NameSuggestions
{
    /// <summary>The edit distance suite keys use; longer names (simulator parameters) may allow more.</summary>
    public const int DefaultMaxDistance = 2;

    /// <summary>The closest candidate within <paramref name="maxDistance"/> edits (case ignored), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates, int maxDistance = DefaultMaxDistance)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        var upperTyped = typed.ToUpperInvariant();
        foreach (var candidate in candidates)
        {
            var distance = Distance(upperTyped, candidate.ToUpperInvariant());
            // A distance as large as either word would "suggest" unrelated short words ('x' → 'mix').
            if (distance <= maxDistance && distance < candidate.Length && distance < typed.Length && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>" Did you mean 'x'?" or empty, ready to append to a message.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates, int maxDistance = DefaultMaxDistance) =>
        Closest(typed, candidates, maxDistance) is { } match ? $" Did you mean '{match}'?" : string.Empty;

    /// <summary>Levenshtein distance with two rows.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
