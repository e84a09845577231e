namespace LoadLab.Cli.Suites;

/// <summary>"Did you mean …?" for mistyped keys and values.</summary>
internal static class Suggestions
{
    private const int MaxDistance = 2;

    /// <summary>The closest candidate within a small edit distance (case ignored), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(typed.ToUpperInvariant(), candidate.ToUpperInvariant());
            // A distance as large as either word would "suggest" unrelated short words ('x' → 'mix').
            if (distance <= MaxDistance && distance < candidate.Length && distance < typed.Length && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>" Did you mean 'x'?" or empty, ready to append to a message.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Closest(typed, candidates) is { } match ? $" Did you mean '{match}'?" : string.Empty;

    /// <summary>Levenshtein distance with two rows.</summary>
    internal static int Distance(string a, string b)
    {
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
