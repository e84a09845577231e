using HdrHistogram;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.Core.Merging;

/// <summary>Merges one scenario across shards; <c>Offset</c> is the shard's start relative to the earliest shard, in seconds.</summary>
internal static class ScenarioMerge
{
    public static ScenarioResult Merge(IReadOnlyList<(double Offset, ScenarioResult Scenario)> parts)
    {
        var first = parts[0].Scenario;
        var lateness = Sum(parts.Select(p => p.Scenario.StartLateness));
        var operations = parts.SelectMany(p => p.Scenario.Operations.Select(o => o.Name)).Distinct(StringComparer.Ordinal)
            .Select(name => MergeOperation(parts.Select(p => (p.Offset, Op: p.Scenario.Operations.FirstOrDefault(o => o.Name == name)))
                .Where(x => x.Op is not null).Select(x => (x.Offset, x.Op!)).ToArray()))
            .ToArray();
        double duration = parts.Max(p => p.Offset + p.Scenario.DurationSeconds);
        double warmup = parts.Max(p => p.Scenario.Warmup.Seconds);
        var merged = first with
        {
            MaxInFlight = parts.Sum(p => p.Scenario.MaxInFlight),
            DurationSeconds = Math.Round(duration, 3),
            TargetOperations = Math.Round(parts.Sum(p => p.Scenario.TargetOperations), 3),
            AchievedOpsPerSecond = 0,
            Scheduled = parts.Sum(p => p.Scenario.Scheduled),
            Dropped = parts.Sum(p => p.Scenario.Dropped),
            Cancelled = parts.Sum(p => p.Scenario.Cancelled),
            Warmup = new WarmupCounts(warmup, parts.Sum(p => p.Scenario.Warmup.Scheduled), parts.Sum(p => p.Scenario.Warmup.Completed)),
            // Lateness has no stored histogram: the merged figure keeps the worst shard's percentiles.
            StartLateness = lateness,
            Operations = operations,
            Series = SeriesAlignment.MergeScenarioSeries(parts.Select(p => (p.Offset, p.Scenario.Series)).ToArray()),
        };
        // The same definition as a single run's (Throughput), over the merged window.
        return merged with
        {
            AchievedOpsPerSecond = Throughput.Achieved(merged),
            Operations = [.. operations.Select(o => o with { AchievedOpsPerSecond = Throughput.Achieved(o, merged) })],
        };
    }

    private static OperationResult MergeOperation(IReadOnlyList<(double Offset, OperationResult Op)> parts)
    {
        var first = parts[0].Op;
        var latency = AddAll(parts.Select(p => p.Op.LatencyHistogram));
        var service = AddAll(parts.Select(p => p.Op.ServiceTimeHistogram));
        var ok = AddAll(parts.Select(p => p.Op.Count("ok") == 0 ? EmptyHistogram : p.Op.OkLatencyHistogram));
        return first with
        {
            Scheduled = parts.Sum(p => p.Op.Scheduled),
            Completed = parts.Sum(p => p.Op.Completed),
            Outcomes = SumMaps(parts.Select(p => p.Op.Outcomes)),
            ThrottleReasons = SumMaps(parts.Select(p => p.Op.ThrottleReasons)),
            ErrorCodes = SumMaps(parts.Select(p => p.Op.ErrorCodes)),
            Dropped = parts.Sum(p => p.Op.Dropped),
            Cancelled = parts.Sum(p => p.Op.Cancelled),
            Latency = latency is null ? Sum(parts.Select(p => p.Op.Latency)) : LatencySummary.From(latency),
            ServiceTime = service is null ? Sum(parts.Select(p => p.Op.ServiceTime)) : LatencySummary.From(service),
            // Exact from the ok histograms; without them (older files) the worst shard's figures are the honest upper bound.
            OkLatency = ok is null ? Sum(parts.Select(p => p.Op.OkLatency)) : LatencySummary.From(ok),
            OkLatencyHistogram = ok is { TotalCount: > 0 } ? HistogramCodec.Encode(ok) : null,
            // Other outcomes keep no histogram: counts add, percentiles take the worst shard.
            LatencyByOutcome = MergeByOutcome(parts.Select(p => p.Op.LatencyByOutcome), ok),
            Attempts = parts.Sum(p => p.Op.Attempts),
            ThrottledAttempts = parts.Sum(p => p.Op.ThrottledAttempts),
            ReadUnits = Math.Round(parts.Sum(p => p.Op.ReadUnits), 3),
            WriteUnits = Math.Round(parts.Sum(p => p.Op.WriteUnits), 3),
            ItemsReturned = SumOptional(parts.Select(p => p.Op.ItemsReturned)),
            ItemsScanned = SumOptional(parts.Select(p => p.Op.ItemsScanned)),
            Pages = SumOptional(parts.Select(p => p.Op.Pages)),
            UnprocessedRetries = SumOptional(parts.Select(p => p.Op.UnprocessedRetries)),
            UnprocessedItems = SumOptional(parts.Select(p => p.Op.UnprocessedItems)),
            InjectedAttempts = SumOptional(parts.Select(p => p.Op.InjectedAttempts)),
            InjectedFailures = SumOptional(parts.Select(p => p.Op.InjectedFailures)),
            LatencyHistogram = latency is null ? null : HistogramCodec.Encode(latency),
            ServiceTimeHistogram = service is null ? null : HistogramCodec.Encode(service),
            Series = SeriesAlignment.MergeOperationSeries(parts.Select(p => (p.Offset, p.Op.Series)).ToArray()),
        };
    }

    private static readonly string EmptyHistogram = HistogramCodec.Encode(LatencyScale.NewHistogram());

    private static SortedDictionary<string, LatencySummary>? MergeByOutcome(IEnumerable<IReadOnlyDictionary<string, LatencySummary>?> maps, HistogramBase? ok)
    {
        var list = maps.ToList();
        if (list.Any(m => m is null))
            return null;
        var merged = new SortedDictionary<string, LatencySummary>(StringComparer.Ordinal);
        foreach (var outcome in list.SelectMany(m => m!.Keys).Distinct(StringComparer.Ordinal))
            merged[outcome] = outcome == "ok" && ok is { TotalCount: > 0 } ? LatencySummary.From(ok) : Sum(list.Select(m => m!.GetValueOrDefault(outcome) ?? LatencySummary.Empty));
        return merged;
    }

    // The counters are absent for operations that do not produce them (results.json leaves zeros out).
    private static long? SumOptional(IEnumerable<long?> values)
    {
        long? sum = null;
        foreach (var v in values)
        {
            if (v is { } n) sum = (sum ?? 0) + n;
        }

        return sum;
    }

    private static HistogramBase? AddAll(IEnumerable<string?> encoded)
    {
        HistogramBase? sum = null;
        foreach (var e in encoded)
        {
            if (e is null) return null; // one shard without its histogram: no exact merge possible
            sum ??= LatencyScale.NewHistogram();
            sum.Add(HistogramCodec.Decode(e));
        }

        return sum;
    }

    private static SortedDictionary<string, long> SumMaps(IEnumerable<IReadOnlyDictionary<string, long>> maps)
    {
        var sum = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var map in maps)
        {
            foreach (var (key, value) in map)
                sum[key] = sum.GetValueOrDefault(key) + value;
        }

        return sum;
    }

    /// <summary>Fallback without histograms: counts add, percentiles take the worst shard (never optimistic).</summary>
    private static LatencySummary Sum(IEnumerable<LatencySummary> parts)
    {
        var list = parts.Where(p => p.Count > 0).ToArray();
        if (list.Length == 0) return LatencySummary.Empty;
        long count = list.Sum(p => p.Count);
        return new LatencySummary(
            count,
            Math.Round(list.Sum(p => p.MeanMs * p.Count) / count, 3),
            list.Max(p => p.P50Ms),
            list.Max(p => p.P90Ms),
            list.Max(p => p.P99Ms),
            list.Max(p => p.P999Ms),
            list.Max(p => p.MaxMs),
            list.All(p => p.P95Ms is not null) ? list.Max(p => p.P95Ms) : null);
    }
}
