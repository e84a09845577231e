using System.Globalization;
using LoadLab.Core.Budgets;
using LoadLab.Core.Plans;
using LoadLab.Core.Text;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Reads budget metric keys and their limits: <c>p99: 25ms</c>, <c>p99.9: "&lt; 80ms"</c>,
/// <c>throughput: "&gt;= 180/s"</c>, <c>minThroughput: 180</c>, <c>throttled: "&lt; 0.5%"</c>.
/// A limit without a comparison means <c>&lt;=</c> for ceilings and <c>&gt;=</c> for throughput.
/// </summary>
internal static class BudgetLimits
{
    public const string PercentileHint = "a percentile is above 0 and below 100, e.g. p50, p99, p99.9 or p99.99";

    /// <summary>Metric keys other than percentiles.</summary>
    public static IReadOnlyList<string> NamedMetrics { get; } = ["max", "throughput", "minThroughput", "throttled", "errors"];

    /// <summary>"p" and a number: a percentile key, valid or not (the number is checked when read).</summary>
    public static bool LooksLikePercentile(string key) =>
        key.Length > 1 && key[0] == 'p' && key.AsSpan(1).IndexOfAnyExcept("0123456789.") < 0 && char.IsAsciiDigit(key[1]);

    public static bool IsMetricKey(string key) => NamedMetrics.Contains(key) || LooksLikePercentile(key);

    /// <summary>The definition for one metric key and its value, or null after reporting what is wrong.</summary>
    public static BudgetDefinition? Read(ScalarNode key, Node value, SuiteDiagnostics diagnostics)
    {
        string name = key.Value;
        return name switch
        {
            "max" => Latency(value, name, BudgetMetric.Max, 0, diagnostics),
            "throughput" => Throughput(value, name, allowComparison: true, diagnostics),
            "minThroughput" => Throughput(value, name, allowComparison: false, diagnostics),
            "throttled" => Rate(value, name, BudgetMetric.ThrottleRate, diagnostics),
            "errors" => Rate(value, name, BudgetMetric.ErrorRate, diagnostics),
            _ => Percentile(key, diagnostics) is { } p ? Latency(value, name, BudgetMetric.Percentile, p, diagnostics) : null,
        };
    }

    private static double? Percentile(ScalarNode key, SuiteDiagnostics diagnostics)
    {
        string digits = key.Value[1..];
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double p) || digits.EndsWith('.'))
        {
            diagnostics.Add(key, $"bad percentile '{key.Value}': {PercentileHint}");
            return null;
        }
        if (p == 100)
        {
            diagnostics.Add(key, $"bad percentile '{key.Value}': the 100th percentile is the largest value; use 'max'");
            return null;
        }
        if (p is <= 0 or > 100)
        {
            // p999 and p9999 are how some tools spell p99.9 and p99.99.
            string hint = digits.Length > 2 && digits.All(c => c == '9') ? $" Did you mean 'p99.{digits[2..]}'?" : "";
            diagnostics.Add(key, $"bad percentile '{key.Value}': {PercentileHint}." + hint);
            return null;
        }
        return p;
    }

    private static BudgetDefinition? Latency(Node node, string what, BudgetMetric metric, double percentile, SuiteDiagnostics diagnostics)
    {
        const string Expected = "a latency such as 25ms, 1.5s or \"< 25ms\"";
        if (Text(node, what, Expected, diagnostics) is not { } text)
            return null;
        var (comparison, rest) = SplitComparison(text);
        // "25 ms" reads as naturally as "25ms".
        if (!DurationText.TryParse(rest.Replace(" ", "", StringComparison.Ordinal), out var limit))
        {
            diagnostics.Add(node, $"{what}: expected {Expected}, found '{text}'");
            return null;
        }
        if (comparison is BudgetComparison.AtLeast or BudgetComparison.Above)
        {
            diagnostics.Add(node, $"{what}: '{text}' sets a floor, but a latency budget is a ceiling; use '<=' (the default) or '<'");
            return null;
        }
        if (limit <= TimeSpan.Zero)
        {
            diagnostics.Add(node, $"{what}: the limit must be longer than 0, found '{text}'");
            return null;
        }
        return new BudgetDefinition
        {
            Metric = metric,
            Percentile = percentile,
            Comparison = comparison ?? BudgetComparison.AtMost,
            Limit = limit.Ticks / (double)TimeSpan.TicksPerMillisecond,
        };
    }

    private static BudgetDefinition? Throughput(Node node, string what, bool allowComparison, SuiteDiagnostics diagnostics)
    {
        string expected = allowComparison ? "a rate such as \">= 180/s\", 180/s or 180" : "operations per second, such as 180";
        if (Text(node, what, expected, diagnostics) is not { } text)
            return null;
        var (comparison, rest) = SplitComparison(text);
        if (comparison is not null && !allowComparison)
        {
            diagnostics.Add(node, $"{what}: expected {expected} (it is always a floor, '>='), found '{text}'; for another comparison use 'throughput: \"> 180/s\"'");
            return null;
        }
        foreach (var unit in (string[])["ops/s", "/s"])
        {
            if (rest.EndsWith(unit, StringComparison.Ordinal))
            {
                rest = rest[..^unit.Length].TrimEnd();
                break;
            }
        }
        if (!TryNumber(rest, out double rate) || rate < 0)
        {
            diagnostics.Add(node, $"{what}: expected {expected}, found '{text}'");
            return null;
        }
        if (comparison is BudgetComparison.AtMost or BudgetComparison.Below)
        {
            diagnostics.Add(node, $"{what}: '{text}' sets a ceiling, but a throughput budget is a floor; use '>=' (the default) or '>'");
            return null;
        }
        return new BudgetDefinition { Metric = BudgetMetric.Throughput, Comparison = comparison ?? BudgetComparison.AtLeast, Limit = rate };
    }

    /// <summary>An error-rate limit written as a budget's <c>errors:</c> is (<c>failOn.errorRate</c> reads it too); <paramref name="alternative"/> extends the expected text.</summary>
    public static BudgetDefinition? ErrorRate(Node node, string what, string? alternative, SuiteDiagnostics diagnostics) =>
        Rate(node, what, BudgetMetric.ErrorRate, diagnostics, alternative);

    private static BudgetDefinition? Rate(Node node, string what, BudgetMetric metric, SuiteDiagnostics diagnostics, string? alternative = null)
    {
        string expected = "a percentage such as \"< 0.5%\" or 1%" + (alternative is null ? "" : " " + alternative);
        if (Text(node, what, expected, diagnostics) is not { } text)
            return null;
        var (comparison, rest) = SplitComparison(text);
        if (!rest.EndsWith('%') || !TryNumber(rest[..^1].TrimEnd(), out double percent))
        {
            diagnostics.Add(node, $"{what}: expected {expected}, found '{text}'");
            return null;
        }
        if (comparison is BudgetComparison.AtLeast or BudgetComparison.Above)
        {
            diagnostics.Add(node, $"{what}: '{text}' sets a floor, but a {what} budget is a ceiling; use '<=' (the default) or '<'");
            return null;
        }
        if (percent is < 0 or > 100)
        {
            diagnostics.Add(node, Formatting.Invariant($"{what}: must be from 0% to 100%, found '{text}'"));
            return null;
        }
        return new BudgetDefinition { Metric = metric, Comparison = comparison ?? BudgetComparison.AtMost, Limit = percent };
    }

    private static string? Text(Node node, string what, string expected, SuiteDiagnostics diagnostics)
    {
        if (node is ScalarNode { IsNull: false } scalar)
            return scalar.Value.Trim();
        diagnostics.Add(node, $"{what}: expected {expected}, found {node.Found}");
        return null;
    }

    /// <summary>A leading &lt;=, &lt;, &gt;= or &gt; and the rest, trimmed; no comparison gives null.</summary>
    private static (BudgetComparison? Comparison, string Remainder) SplitComparison(string text)
    {
        (string Symbol, BudgetComparison Comparison)[] symbols =
        [
            ("<=", BudgetComparison.AtMost), (">=", BudgetComparison.AtLeast), ("<", BudgetComparison.Below), (">", BudgetComparison.Above),
        ];
        foreach (var (symbol, comparison) in symbols)
        {
            if (text.StartsWith(symbol, StringComparison.Ordinal))
                return (comparison, text[symbol.Length..].Trim());
        }
        return (null, text);
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)
        && text.Length > 0 && char.IsAsciiDigit(text[^1]);
}
