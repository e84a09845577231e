using LoadLab.Core.Results;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// One scenario's throttles per second, per operation: operations that ended throttled (solid) and throttle events
/// (dashed: throttled attempts, also those a retry recovered from, plus batch items returned unprocessed).
/// </summary>
public static class ScenarioThrottleChart
{
    public static bool Applies(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Operations.Any(o => o.ThrottleEvents > 0 || o.Count("throttled") > 0);
    }

    public static Chart Create(string id, ScenarioResult scenario, OperationPalette palette, TimeAxis axis)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(palette);
        string title = $"Throttles: {scenario.Name}";
        var plot = ChartStyle.NewPlot(title, axis.Label, "per second");
        bool perInterval = scenario.Operations.Any(o => o.Series.Any(p => p.ThrottleEvents is > 0));
        foreach (var op in scenario.Operations.Where(o => o.ThrottleEvents > 0 || o.Count("throttled") > 0))
        {
            var intervals = op.Series.Where(p => p.Length > 0).OrderBy(p => p.Start).ToArray();
            int size = Buckets.Size(intervals.Length);
            var buckets = Buckets.Split(intervals, size).ToArray();
            double[] xs = buckets.Select(b => axis.X(b[0].Start + (Length(b) / 2))).ToArray();
            if (xs.Length == 0) continue;
            var color = palette[op.Name];
            // A line that stays at zero only crowds the legend: drawn when the operation ended throttled at all.
            if (op.Count("throttled") > 0)
                Line(plot, xs, buckets.Select(b => b.Sum(p => p.Throttled) / Length(b)), op.Name + ": ended throttled", color, 2, LinePattern.Solid);
            if (perInterval)
                Line(plot, xs, buckets.Select(b => b.Sum(p => p.ThrottleEvents ?? 0) / Length(b)), op.Name + ": throttle events", color.WithAlpha(0.8), 1.5f, LinePattern.Dashed);
        }

        ChartStyle.ShowLegend(plot);
        ChartStyle.FromZero(plot);
        axis.Apply(plot);
        string caption = "Solid: operations that ended throttled after the SDK's retries. Dashed: every throttle met, also those a retry recovered from, with batch items returned unprocessed." +
            (perInterval ? "" : " (This results file has no per-second throttle events.)");
        return new Chart(id, title, caption, scenario.Name, plot);
    }

    private static double Length(OperationInterval[] bucket) => Math.Max(bucket[^1].Start + bucket[^1].Length - bucket[0].Start, 1e-9);

    private static void Line(Plot plot, double[] xs, IEnumerable<double> ys, string label, Color color, float width, LinePattern pattern)
    {
        var line = plot.Add.SignalXY(xs, ys.ToArray(), color);
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.LegendText = label;
    }
}
