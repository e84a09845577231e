using LoadLab.Core.Results;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Latency of one operation per interval: p50, p99 and max of the corrected latency, and p50/p99
/// of the service time. All lines take the operation's colour; width and dash tell them apart, and
/// a gap between the solid (corrected) and dashed (service) lines shows queueing.
/// </summary>
public static class LatencyOverTimeChart
{
    public static Chart Create(string id, ScenarioResult scenario, OperationResult operation, OperationPalette palette, TimeAxis axis)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(palette);
        string title = $"Latency over time: {scenario.Name}/{operation.Name}";
        var plot = ChartStyle.NewPlot(title, axis.Label, "latency (ms)");
        var color = palette[operation.Name];

        // Quiet intervals have no latency; leaving them out avoids false drops to zero.
        var intervals = operation.Series.Where(p => p.Completed > 0).ToArray();
        int size = Buckets.Size(intervals.Length);
        var points = Buckets.Split(intervals, size).Select(Merge).ToArray();
        double[] xs = points.Select(p => axis.X(p.Start + (p.Length / 2))).ToArray();
        Line(plot, xs, points.Select(p => p.P50Ms), "p50", color.WithAlpha(0.65), 1.5f, LinePattern.Solid);
        Line(plot, xs, points.Select(p => p.P99Ms), "p99", color, 2.5f, LinePattern.Solid);
        Line(plot, xs, points.Select(p => p.MaxMs), "max", color.WithAlpha(0.45), 1, LinePattern.Solid);
        Line(plot, xs, points.Select(p => p.ServiceP50Ms), "service p50", color.WithAlpha(0.5), 1, LinePattern.Dashed);
        Line(plot, xs, points.Select(p => p.ServiceP99Ms), "service p99", color.WithAlpha(0.8), 1.5f, LinePattern.Dashed);

        ChartStyle.ShowLegend(plot);
        ChartStyle.FromZero(plot);
        axis.Apply(plot);
        string caption = "Solid: latency from the intended start (corrected for coordinated omission); the faint line is each interval's maximum. Dashed: service time from the actual send." +
            Buckets.Note(size, intervals.Length == 0 ? 1 : intervals[0].Length, latency: true);
        return new Chart(id, title, caption, scenario.Name, plot);
    }

    /// <summary>One point for a bucket: p50 weighted by completed operations, the worst p99 and max.</summary>
    private static OperationInterval Merge(OperationInterval[] bucket)
    {
        if (bucket.Length == 1) return bucket[0];
        long completed = bucket.Sum(p => p.Completed);
        double Weighted(Func<OperationInterval, double> f) => completed == 0 ? 0 : bucket.Sum(p => f(p) * p.Completed) / completed;
        var last = bucket[^1];
        return new OperationInterval(
            bucket[0].Start, last.Start + last.Length - bucket[0].Start, completed,
            bucket.Sum(p => p.Ok), bucket.Sum(p => p.Throttled), bucket.Sum(p => p.Errors),
            Weighted(p => p.P50Ms), bucket.Max(p => p.P99Ms), bucket.Max(p => p.MaxMs),
            Weighted(p => p.ServiceP50Ms), bucket.Max(p => p.ServiceP99Ms));
    }

    private static void Line(Plot plot, double[] xs, IEnumerable<double> ys, string label, Color color, float width, LinePattern pattern)
    {
        if (xs.Length == 0) return;
        // SignalXY draws at most a few points per pixel column, so an hour of seconds stays light in SVG.
        var line = plot.Add.SignalXY(xs, ys.ToArray(), color);
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.LegendText = label;
    }
}
