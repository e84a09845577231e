using HdrHistogram;
using LoadLab.Core.Engine;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.Tracing.Metrics;

/// <summary>
/// The figures an OTLP export reports, built from the per-second intervals the engine publishes (the same
/// <see cref="OperationInterval"/>s results.json and the EMF file hold), valued by <see cref="IntervalMetrics"/>.
/// Sums are cumulative since the start of the run; the ok percentiles are those of the seconds since the previous
/// export, from the seconds' ok histograms merged, so an export every 5 s reports the p99 of those 5 s, not of the last one.
/// The engine's sampler thread only queues an interval (<see cref="Add"/>); the export thread does the rest.
/// </summary>
internal sealed class LiveMetricFigures
{
    private readonly object gate = new();
    private readonly List<(string Scenario, string Operation, OperationInterval Interval)> pending = [];
    private readonly Dictionary<(string Scenario, string Operation), Series> series = [];
    private readonly List<(string Scenario, string Operation)> order = [];
    private Snapshot current = new([], []);

    /// <summary>The figures of the latest <see cref="Prepare"/>: every series' sums, and the percentiles of series with ok operations in the window.</summary>
    public Snapshot Current => Volatile.Read(ref current);

    /// <summary>Queues the intervals of a snapshot. Runs on the engine's sampler thread: a lock and a list append, nothing more.</summary>
    public void Add(LiveSnapshot snapshot)
    {
        lock (gate)
        {
            foreach (var scenario in snapshot.Scenarios)
            {
                foreach (var operation in scenario.Operations ?? [])
                    pending.Add((scenario.Name, operation.Name, operation.Interval));
            }
        }
    }

    /// <summary>Folds the queued intervals in and fixes the figures the next export reports; the percentile window starts again.</summary>
    public Snapshot Prepare()
    {
        lock (gate)
        {
            foreach (var (scenario, operation, interval) in pending)
                Fold(Of(scenario, operation), interval);
            pending.Clear();
            var sums = new List<SeriesSums>(order.Count);
            var percentiles = new List<SeriesPercentiles>();
            foreach (var key in order)
            {
                var s = series[key];
                sums.Add(new SeriesSums(key.Scenario, key.Operation, [.. s.Sums]));
                if (s.Window.TotalCount > 0)
                {
                    percentiles.Add(new SeriesPercentiles(key.Scenario, key.Operation, [.. Percentiles.Select(m => LatencyScale.ToMilliseconds(s.Window.GetValueAtPercentile(m.Percentile)))]));
                    s.Window.Reset();
                }
            }

            var prepared = new Snapshot(sums, percentiles);
            Volatile.Write(ref current, prepared);
            return prepared;
        }
    }

    /// <summary>
    /// Sets the sums to the run's own figures (the sum of every interval of its series, results.json's), so the last
    /// export agrees with the report even for the final part of a second the engine does not publish live.
    /// </summary>
    public void Settle(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (gate)
        {
            foreach (var scenario in result.Scenarios)
            {
                foreach (var operation in scenario.Operations)
                {
                    var s = Of(scenario.Name, operation.Name);
                    for (int i = 0; i < Sums.Count; i++)
                        s.Sums[i] = operation.Series.Sum(interval => IntervalMetrics.Value(Sums[i], interval) ?? 0);
                }
            }

            // Anything still queued is in the series already; only its latency is still to be reported.
            foreach (var (scenario, operation, interval) in pending)
                MergeOk(Of(scenario, operation), interval);
            pending.Clear();
        }
    }

    /// <summary>The metrics that add up, in <see cref="IntervalMetrics.All"/> order.</summary>
    public static IReadOnlyList<IntervalMetric> Sums { get; } = [.. IntervalMetrics.All.Where(m => m.Kind == IntervalMetricKind.Sum)];

    /// <summary>The ok latency percentiles, in <see cref="IntervalMetrics.All"/> order.</summary>
    public static IReadOnlyList<IntervalMetric> Percentiles { get; } = [.. IntervalMetrics.All.Where(m => m.Kind == IntervalMetricKind.OkLatencyPercentile)];

    private Series Of(string scenario, string operation)
    {
        if (!series.TryGetValue((scenario, operation), out var s))
        {
            s = new Series(new double[Sums.Count], LatencyScale.NewHistogram());
            series.Add((scenario, operation), s);
            order.Add((scenario, operation));
        }

        return s;
    }

    private static void Fold(Series s, OperationInterval interval)
    {
        for (int i = 0; i < Sums.Count; i++)
            s.Sums[i] += IntervalMetrics.Value(Sums[i], interval) ?? 0;
        MergeOk(s, interval);
    }

    private static void MergeOk(Series s, OperationInterval interval)
    {
        if (interval.OkLatencyEncoded() is { } encoded)
            s.Window.Add(HistogramCodec.Decode(encoded));
    }

    private sealed record Series(double[] Sums, HistogramBase Window);

    /// <summary>One series' cumulative sums, in <see cref="Sums"/> order.</summary>
    public sealed record SeriesSums(string Scenario, string Operation, IReadOnlyList<double> Values);

    /// <summary>One series' ok latency percentiles over the window, in <see cref="Percentiles"/> order, in milliseconds.</summary>
    public sealed record SeriesPercentiles(string Scenario, string Operation, IReadOnlyList<double> ValuesMs);

    public sealed record Snapshot(IReadOnlyList<SeriesSums> Sums, IReadOnlyList<SeriesPercentiles> Percentiles);
}
