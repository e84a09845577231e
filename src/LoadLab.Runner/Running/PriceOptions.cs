using LoadLab.Core.Text;
using System.Globalization;
using LoadLab.Runner.Suites;
using LoadLab.Core.Cost;

namespace LoadLab.Runner.Running;

/// <summary>
/// Parses <c>--prices onDemandWrite=0.625,provisionedWrite=0.00065</c>: the prices the command line overrides, by name.
/// They go over the suite's (simulator overrides) and the defaults when the run is resolved (<see cref="Planning.RunResolver"/>).
/// </summary>
internal static class PriceOptions
{
    public const string Usage = "override cost prices (us-east-1 defaults), e.g. onDemandRead=0.125,onDemandWrite=0.625,provisionedRead=0.00013,provisionedWrite=0.00065,targetUtilization=0.7 ($ per million units, $ per unit-hour)";

    public static IReadOnlyDictionary<string, double> Parse(string? text, List<string> errors)
    {
        var prices = new Dictionary<string, double>(StringComparer.Ordinal);
        if (text is null)
            return prices;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || !CostPrices.Names.Contains(pair[0]))
            {
                errors.Add($"--prices '{part}': expected NAME=VALUE with NAME one of {string.Join(", ", CostPrices.Names)}." + NameSuggestions.DidYouMean(pair[0], CostPrices.Names));
                continue;
            }
            bool utilization = pair[0] == "targetUtilization";
            if (!double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value) || value < 0 || (utilization && value is <= 0 or > 1))
            {
                errors.Add(utilization
                    ? $"--prices {pair[0]}='{pair[1]}' must be a share greater than 0 and at most 1, e.g. 0.7"
                    : $"--prices {pair[0]}='{pair[1]}' must be a price of at least 0 in dollars, e.g. 0.625");
                continue;
            }
            prices[pair[0]] = value;
        }
        return prices;
    }

    /// <summary><paramref name="basePrices"/> with <paramref name="overrides"/> (names of <see cref="CostPrices.Names"/>) applied.</summary>
    public static CostPrices Apply(CostPrices basePrices, IReadOnlyDictionary<string, double> overrides)
    {
        ArgumentNullException.ThrowIfNull(basePrices);
        ArgumentNullException.ThrowIfNull(overrides);
        var prices = basePrices;
        foreach (var (name, value) in overrides)
            prices = prices.With(name, value);
        return prices;
    }
}
