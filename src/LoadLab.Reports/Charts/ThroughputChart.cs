using LoadLab.Core.Results;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Operations per second a scenario's schedule asked for against what completed, with dropped arrivals: the first
/// place to look when latency rises. Warm-up is shaded (its operations are not measured, so nothing is drawn for
/// them) and the final partial second is left out (its few completions would read as a collapse).
/// </summary>
public static class ThroughputChart
{
    public static Chart Create(string id, ScenarioResult scenario, TimeAxis axis)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        string title = $"Throughput: {scenario.Name}";
        var plot = ChartStyle.NewPlot(title, axis.Label, "operations per second");
        var intervals = Measured(scenario.Series, p => p.Start, p => p.Length, scenario.DurationSeconds);
        int size = Buckets.Size(intervals.Length);
        var series = Buckets.Split(intervals, size).Select(Merge).ToArray();
        double warmup = scenario.Warmup.Seconds;
        if (warmup > 0)
        {
            var span = plot.Add.HorizontalSpan(axis.X(0), axis.X(warmup), Colors.Gray.WithAlpha(0.18));
            span.LegendText = "warm-up (not measured)";
        }

        // Closed-model phases have no arrival schedule (TargetOps is 0); a zero target line would mislead.
        bool open = series.Any(p => p.TargetOps > 0);
        if (series.Length > 0)
        {
            double[] xs = series.Select(p => axis.X(p.Start + (p.Length / 2))).ToArray();
            if (open)
                Add(plot, xs, series.Select(p => p.TargetOps / p.Length), "target", Colors.Gray, 2, LinePattern.Dashed);
            // Completions are recorded for measured operations only: the intervals inside warm-up would read as zero.
            var measured = series.Where(p => p.Start >= warmup - 1e-6).ToArray();
            if (measured.Length > 0)
                Add(plot, [.. measured.Select(p => axis.X(p.Start + (p.Length / 2)))], measured.Select(p => p.Completed / p.Length), "achieved (completed)", new Color(0x1f, 0x77, 0xb4), 2, LinePattern.Solid);
            if (series.Any(p => p.Dropped > 0))
                Add(plot, xs, series.Select(p => p.Dropped / p.Length), "dropped", new Color(0xd6, 0x27, 0x28), 1.5f, LinePattern.Solid);
        }

        ChartStyle.ShowLegend(plot, Alignment.LowerRight);
        ChartStyle.FromZero(plot);
        axis.Apply(plot);
        string caption = (open
            ? "Target: arrivals the open-model schedule asked for. Achieved: measured operations that completed in each second."
            : "Closed model: workers run back to back, so there is no arrival target; achieved is what completed.") +
            " The seconds after the last scheduled operation (the drain) are left out." + Buckets.Note(size, intervals.Length == 0 ? 1 : intervals[0].Length);
        return new Chart(id, title, caption, scenario.Name, plot);
    }

    /// <summary>
    /// The intervals up to the last scheduled operation (<paramref name="end"/>): the drain's seconds after it, and a
    /// final interval shorter than the others, hold only the stragglers and would read as a collapse.
    /// </summary>
    internal static T[] Measured<T>(IReadOnlyList<T> intervals, Func<T, double> start, Func<T, double> length, double end)
    {
        var kept = intervals.Where(p => length(p) > 0 && start(p) < end - 1e-6).ToList();
        if (kept.Count > 1 && length(kept[^1]) < 0.99 * kept.Take(kept.Count - 1).Max(length))
            kept.RemoveAt(kept.Count - 1);
        return [.. kept];
    }

    /// <summary>Counts add up over a bucket, so rates stay exact averages.</summary>
    private static ScenarioInterval Merge(ScenarioInterval[] bucket)
    {
        if (bucket.Length == 1) return bucket[0];
        var last = bucket[^1];
        return new ScenarioInterval(
            bucket[0].Start, last.Start + last.Length - bucket[0].Start, last.Phase, bucket.Sum(p => p.TargetOps),
            bucket.Sum(p => p.Started), bucket.Sum(p => p.Completed), bucket.Sum(p => p.Dropped),
            bucket.Max(p => p.LatenessP99Ms), bucket.Max(p => p.InFlight));
    }

    private static void Add(Plot plot, double[] xs, IEnumerable<double> ys, string label, Color color, float width, LinePattern pattern)
    {
        var line = plot.Add.SignalXY(xs, ys.ToArray(), color);
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.LegendText = label;
    }
}
