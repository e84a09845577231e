namespace LoadLab.Capacity.Model.Settings;

/// <summary>
/// "Did you mean …?" for mistyped parameter and preset names. The CLI has its own copy for suite
/// keys; this project cannot see it (it sits above us in the dependency order).
/// </summary>
internal static class NameSuggestions
{
    private const int MaxDistance = 3;

    public static string? Closest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var upperTyped = typed.ToUpperInvariant();
        foreach (var candidate in candidates)
        {
            var distance = Distance(upperTyped, candidate.ToUpperInvariant());
            // A distance as large as either word would "suggest" unrelated short words.
            if (distance <= MaxDistance && distance < candidate.Length && distance < typed.Length && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

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
