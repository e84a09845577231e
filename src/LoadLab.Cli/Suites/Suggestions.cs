using LoadLab.Core.Text;

namespace LoadLab.Cli.Suites;

/// <summary>"Did you mean …?" for mistyped keys and values; the shared <see cref="NameSuggestions"/> at the suite's edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The closest candidate within a small edit distance (case ignored), or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> candidates) => NameSuggestions.Closest(typed, candidates);

    /// <summary>" Did you mean 'x'?" or empty, ready to append to a message.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) => NameSuggestions.DidYouMean(typed, candidates);

    /// <summary>Levenshtein distance.</summary>
    internal static int Distance(string a, string b) => NameSuggestions.Distance(a, b);
}
