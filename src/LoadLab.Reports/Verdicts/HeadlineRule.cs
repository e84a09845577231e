using LoadLab.Reports.Text;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Verdicts;

/// <summary>
/// The headline verdict, in the order an engineer decides: failures first (a design that fails more loses), then
/// goodput, then the latency of successful operations, then cost. Each step keeps the designs that are not clearly
/// worse than the best; the first step that leaves one design names it. A step with a split (one design faster for
/// one operation, another for another) is a trade-off and ends without a winner.
/// </summary>
internal static class HeadlineRule
{
    private static readonly Direction LowerRate = new(true, Noise.RateEffect);
    private static readonly Direction HigherGoodput = new(false, (a, b) => Noise.Relative(a, b, Noise.GoodputEffect));
    private static readonly Direction LowerLatency = new(true, Noise.LatencyEffectReached);
    private static readonly Direction LowerCost = new(true, (a, b) => Noise.Relative(a, b, Noise.RatioEffect));

    public static HeadlineVerdict Decide(
        IReadOnlyList<string> names, IReadOnlyList<Estimate> failure, IReadOnlyList<Estimate> goodput, IReadOnlyList<OperationLatency> latency, IReadOnlyList<Estimate> cost)
    {
        var candidates = Enumerable.Range(0, names.Count).Where(i => failure[i].Value is not null).ToList();
        if (candidates.Count < 2)
            return new HeadlineVerdict(null, candidates.Count == 0 ? "No design completed any operation." : "Only one design completed operations: nothing to compare.");

        var kept = KeepBest(candidates, failure, LowerRate);
        if (kept.Count == 1)
            return Named(names, kept[0], $"fails least: {Pct(failure[kept[0]])} of its operations failed (throttled or errors) against {Others(names, candidates, kept[0], failure, Pct)}. Failures decide first; a design that fails more wins nothing else.");

        // Designs that fail clearly more are out before goodput, latency and cost; the verdict says so, or its
        // "no clear difference in failures" (between those left) would read as a claim about every design.
        var failingMore = candidates.Except(kept).ToList();
        string outForFailures = failingMore.Count == 0 ? ""
            : " " + string.Join(" and ", failingMore.Select(i => $"{names[i]} ({Pct(failure[i])} failed)")) + (failingMore.Count == 1 ? " fails" : " fail") + " more and wins nothing.";
        var verdict = Compare(names, candidates: kept, goodput, latency, cost);
        return verdict with { Reason = verdict.Reason + outForFailures };
    }

    private static HeadlineVerdict Compare(IReadOnlyList<string> names, List<int> candidates, IReadOnlyList<Estimate> goodput, IReadOnlyList<OperationLatency> latency, IReadOnlyList<Estimate> cost)
    {
        List<int> kept;
        kept = KeepBest(candidates, goodput, HigherGoodput);
        if (kept.Count == 1)
            return Named(names, kept[0], $"serves the most successful operations: {Rate(goodput[kept[0]])} against {Others(names, candidates, kept[0], goodput, Rate)}, with no clear difference in failures.");

        candidates = kept;
        var (fastest, split, example) = Latency(candidates, latency, names);
        if (fastest is { } f)
            return Named(names, f, $"has the faster successful operations ({example}), with no clear difference in failures or goodput.");
        if (split is not null)
            return new HeadlineVerdict(null, "Trade-off, no single best design: " + split + ". Failures and goodput show no clear difference.");

        kept = KeepBest(candidates, cost, LowerCost);
        if (kept.Count == 1)
            return Named(names, kept[0], $"costs less: {Dollars(cost[kept[0]])} per million operations served against {Others(names, candidates, kept[0], cost, Dollars)}, with no clear difference in failures, goodput or latency.");

        return new HeadlineVerdict(null, "No clear difference: failures, goodput, latency of successful operations and cost are all within the noise.");
    }

    /// <summary>The candidates not clearly worse than the best one (all of them when none is clearly better).</summary>
    private static List<int> KeepBest(List<int> candidates, IReadOnlyList<Estimate> figure, Direction direction)
    {
        var scoped = candidates.Where(i => figure[i].Value is not null).ToList();
        if (scoped.Count < 2)
            return candidates;
        int best = direction.LowerIsBetter ? scoped.MinBy(i => figure[i].Value!.Value) : scoped.MaxBy(i => figure[i].Value!.Value);
        return [.. candidates.Where(i => !Ranking.Clearly(figure[best], figure[i], direction))];
    }

    /// <summary>
    /// The design whose successful operations are clearly faster in at least one operation and clearly slower in none,
    /// at each operation's highest percentile with enough samples in every candidate (p99, else p95, else p50).
    /// </summary>
    private static (int? Fastest, string? Split, string? Example) Latency(List<int> candidates, IReadOnlyList<OperationLatency> operations, IReadOnlyList<string> names)
    {
        var wins = candidates.ToDictionary(i => i, _ => new List<string>());
        var losses = candidates.ToDictionary(i => i, _ => 0);
        foreach (var op in operations)
        {
            int p = Headline(op, candidates);
            if (p < 0)
                continue;
            var estimates = candidates.Select(i => op.ByVariant[i][p]).ToList();
            if (Ranking.Best(estimates, LowerLatency) is not { } local)
                continue;
            int best = candidates[local];
            string label = $"{op.Group} {SecondFigures.Label(op.Percentiles[p])} {Milliseconds(op.ByVariant[best][p].Value!.Value)} against " +
                string.Join(", ", candidates.Where(i => i != best).Select(i => Milliseconds(op.ByVariant[i][p].Value!.Value) + " for " + names[i]));
            wins[best].Add(label);
            foreach (var other in candidates.Where(i => i != best))
                losses[other]++;
        }

        var winners = candidates.Where(i => wins[i].Count > 0).ToList();
        if (winners.Count == 1 && losses[winners[0]] == 0)
            return (winners[0], null, wins[winners[0]][0]);
        if (winners.Count > 1)
            return (null, string.Join("; ", winners.Select(i => names[i] + " is faster for " + wins[i][0])), null);
        return (null, null, null);
    }

    private static int Headline(OperationLatency op, List<int> candidates)
    {
        foreach (double percentile in new[] { 99, 95, 50 })
        {
            int p = op.Percentiles.ToList().IndexOf(percentile);
            if (p >= 0 && candidates.All(i => op.ByVariant[i][p].Enough))
                return p;
        }

        return -1;
    }

    private static HeadlineVerdict Named(IReadOnlyList<string> names, int best, string reason) => new(names[best], names[best] + " " + reason);

    private static string Others(IReadOnlyList<string> names, List<int> candidates, int best, IReadOnlyList<Estimate> figure, Func<Estimate, string> format) =>
        string.Join(", ", candidates.Where(i => i != best).Select(i => format(figure[i]) + " for " + names[i]));

    private static string Pct(Estimate e) => e.Value is { } v ? Number(v) + " %" : "–";

    private static string Rate(Estimate e) => e.Value is { } v ? Number(v) + " ok ops/s" : "–";

    private static string Dollars(Estimate e) => e.Value is { } v ? CostText.Dollars(v) : "–";
}
