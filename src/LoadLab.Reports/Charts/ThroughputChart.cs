using LoadLab.Core.Results;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Operations per second a scenario's schedule asked for against what completed, with dropped
/// arrivals: the first place to look when latency rises (the target or the in-flight bound could not keep up).
/// </summary>
public static class ThroughputChart
{
    public static Chart Create(string id, ScenarioResult scenario, TimeAxis axis)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        string title = $"Throughput: {scenario.Name}";
        var plot = ChartStyle.NewPlot(title, axis.Label, "operations per second");
        var intervals = scenario.Series.Where(p => p.Length > 0).ToArray();
        int size = Buckets.Size(intervals.Length);
        var series = Buckets.Split(intervals, size).Select(Merge).ToArray();
        double[] xs = series.Select(p => axis.X(p.Start + (p.Length / 2))).ToArray();
        // Closed-model phases have no arrival schedule (TargetOps is 0); a zero target line would mislead.
        bool open = series.Any(p => p.TargetOps > 0);
        if (xs.Length > 0)
        {
            if (open)
                Add(plot, xs, series.Select(p => p.TargetOps / p.Length), "target", Colors.Gray, 2, LinePattern.Dashed);
            Add(plot, xs, series.Select(p => p.Completed / p.Length), "achieved (completed)", new Color(0x1f, 0x77, 0xb4), 2, LinePattern.Solid);
            if (series.Any(p => p.Dropped > 0))
                Add(plot, xs, series.Select(p => p.Dropped / p.Length), "dropped", new Color(0xd6, 0x27, 0x28), 1.5f, LinePattern.Solid);
        }

        ChartStyle.ShowLegend(plot, Alignment.LowerRight);
        ChartStyle.FromZero(plot);
        axis.Apply(plot);
        string caption = (open
            ? "Target: arrivals the open-model schedule asked for. Achieved: operations that completed in each interval."
            : "Closed model: workers run back to back, so there is no arrival target; achieved is what completed.") +
            Buckets.Note(size, intervals.Length == 0 ? 1 : intervals[0].Length);
        return new Chart(id, title, caption, scenario.Name, plot);
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
