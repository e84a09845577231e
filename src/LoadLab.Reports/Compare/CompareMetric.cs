using System.Globalization;
using LoadLab.Core.Errors;
using LoadLab.Core.Text;
using LoadLab.Core.Plans;

namespace LoadLab.Reports.Compare;

/// <summary>A latency statistic to compare: a percentile (<c>p99.9</c>) or the maximum.</summary>
/// <param name="Percentile">The percentile, or 100 for <c>max</c>.</param>
public sealed record CompareMetric(string Name, double Percentile)
{
    public static IReadOnlyList<CompareMetric> Defaults { get; } = [new("p50", 50), new("p99", 99), new("p99.9", 99.9)];

    /// <summary>Parses <c>p50,p99,p99.9,max</c>; a bad item is a usage error (exit 2).</summary>
    public static IReadOnlyList<CompareMetric> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var metrics = new List<CompareMetric>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var metric = Parse(item);
            if (!metrics.Contains(metric))
                metrics.Add(metric);
        }
        if (metrics.Count == 0)
            throw Usage($"--metric '{text}' names no metric; use e.g. p50,p99,p99.9 or max");
        return metrics;
    }

    private static CompareMetric Parse(string item)
    {
        if (item == "max")
            return new("max", 100);
        if (item.Length > 1 && item[0] == 'p'
            && double.TryParse(item.AsSpan(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double p)
            && p is > 0 and < 100)
        {
            return new(Formatting.Invariant($"p{p:0.#####}"), p);
        }
        throw Usage($"--metric: '{item}' is not a latency metric; use percentiles above p0 and below p100 (p50, p99, p99.9, …) or max."
            + NameSuggestions.DidYouMean(item, ["p50", "p90", "p99", "p99.9", "p99.99", "max"]));
    }

    private static InvalidInputException Usage(string message) => new("loadlab compare: " + message);
}
