using LoadLab.Core.Engine;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.Tracing.Metrics;

namespace LoadLab.UnitTests.Tracing;

/// <summary>What the OTLP export reports from the engine's intervals: cumulative sums, and percentiles of the seconds since the previous export.</summary>
public sealed class LiveMetricFiguresTests
{
    [Fact]
    public void Sums_add_up_and_the_percentiles_cover_every_second_since_the_previous_export()
    {
        var figures = new LiveMetricFigures();
        figures.Add(Snapshot(Interval(0, okMs: [1, 1, 1, 1], throttled: 1, readUnits: 2.5)));
        figures.Add(Snapshot(Interval(1, okMs: [100], throttled: 0, readUnits: 0.5)));

        var first = figures.Prepare();

        var sums = first.Sums.Single();
        Assert.Equal(("s", "get"), (sums.Scenario, sums.Operation));
        Assert.Equal(6, Sum(sums, IntervalMetrics.Operations));
        Assert.Equal(5, Sum(sums, IntervalMetrics.Ok));
        Assert.Equal(1, Sum(sums, IntervalMetrics.Throttled));
        Assert.Equal(3.0, Sum(sums, IntervalMetrics.ConsumedReadUnits), 6);
        // Both seconds count: the slow operation of the second second is the window's p99, the first second's 1 ms its median.
        var window = first.Percentiles.Single().ValuesMs;
        Assert.Equal(1, window[0], 1);
        Assert.Equal(100, window[1], 0);

        figures.Add(Snapshot(Interval(2, okMs: [], throttled: 2, readUnits: 0)));
        var second = figures.Prepare();

        Assert.Equal(8, Sum(second.Sums.Single(), IntervalMetrics.Operations)); // cumulative
        Assert.Empty(second.Percentiles); // no ok operation in the window: no latency, not zero latency
    }

    [Fact]
    public void Settle_sets_the_sums_to_the_runs_series()
    {
        var figures = new LiveMetricFigures();
        var published = Interval(0, okMs: [1, 2], throttled: 0, readUnits: 1);
        var sliver = Interval(1, okMs: [3], throttled: 1, readUnits: 0.5); // the final part of a second, never published live
        figures.Add(Snapshot(published));
        figures.Prepare();

        figures.Settle(SyntheticResult([published, sliver]));
        var final = figures.Prepare().Sums.Single();

        Assert.Equal(4, Sum(final, IntervalMetrics.Operations));
        Assert.Equal(1, Sum(final, IntervalMetrics.Throttled));
        Assert.Equal(1.5, Sum(final, IntervalMetrics.ConsumedReadUnits), 6);
    }

    private static double Sum(LiveMetricFigures.SeriesSums sums, IntervalMetric metric) =>
        sums.Values[LiveMetricFigures.Sums.ToList().IndexOf(metric)];

    private static OperationInterval Interval(double start, double[] okMs, long throttled, double readUnits)
    {
        var ok = LatencyScale.NewHistogram();
        foreach (double ms in okMs)
            ok.RecordValue((long)(ms * 1000));
        long completed = okMs.Length + throttled;
        return new OperationInterval(start, 1, completed, okMs.Length, throttled, 0, 0, 0, 0, 0, 0,
            Histogram: null, OkHistogram: okMs.Length > 0 ? HistogramCodec.Encode(ok) : null)
        {
            ReadUnits = readUnits,
            WriteUnits = 0,
        };
    }

    private static LiveSnapshot Snapshot(OperationInterval interval) =>
        new(interval.Start + 1, 10, [new LiveScenario("s", "steady", 0, 0, 0, 0, 0, 0, 0, 0, Operations: [new LiveOperation("get", interval)])]);

    private static RunResult SyntheticResult(IReadOnlyList<OperationInterval> series)
    {
        var operation = LoadLab.TestSupport.SyntheticRun.Operation("get", LoadLab.TestSupport.Second.Of(1, 1000)) with { Series = series };
        return LoadLab.TestSupport.SyntheticRun.Create(LoadLab.TestSupport.SyntheticRun.Scenario("s", operation));
    }
}
