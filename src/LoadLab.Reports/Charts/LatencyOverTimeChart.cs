using LoadLab.Core.Budgets;
using LoadLab.Core.Results;
using System.Globalization;
using LoadLab.Reports.Text;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Latency of one operation's successful operations per second: p50, p95 and p99 (exact, from each second's ok
/// histogram), the faint maximum of all outcomes, and service time p99 dashed (a gap between solid and dashed lines
/// shows queueing). The operation's latency budgets are drawn as red limit lines.
/// </summary>
public static class LatencyOverTimeChart
{
    private static readonly Color Budget = new(0xd6, 0x27, 0x28);

    public static Chart Create(string id, ScenarioResult scenario, OperationResult operation, OperationPalette palette, TimeAxis axis, IReadOnlyList<BudgetOutcome>? budgets = null, string simulated = "")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(palette);
        string title = $"Latency over time{simulated}: {scenario.Name}/{operation.Name}";
        var plot = ChartStyle.NewPlot(title, axis.Label, "latency (ms)");
        var color = palette[operation.Name];

        // Quiet intervals have no latency; leaving them out avoids false drops to zero.
        // The measured window, as on the throughput chart: from the end of warm-up to the last scheduled operation.
        var intervals = ThroughputChart.Measured(operation.Series, p => p.Start, p => p.Length, scenario.DurationSeconds)
            .Where(p => p.Completed > 0 && p.Start >= scenario.Warmup.Seconds - 1e-6).ToArray();
        int size = Buckets.Size(intervals.Length);
        // A second in which every operation failed has no successful latency: it is a gap, not a zero.
        var points = Buckets.Split(intervals, size).Select(IntervalLatency.Of).Where(p => double.IsFinite(p.P99)).ToArray();
        double[] xs = points.Select(p => axis.X(p.Start + (p.Length / 2))).ToArray();
        bool ok = points.All(p => p.OkOnly);
        string who = ok ? "" : " (all outcomes)";
        Line(plot, xs, points.Select(p => p.P50), "p50" + who, color.WithAlpha(0.6), 1.5f, LinePattern.Solid);
        if (ok)
            Line(plot, xs, points.Select(p => p.P95), "p95", color.WithAlpha(0.85), 2, LinePattern.Solid);
        Line(plot, xs, points.Select(p => p.P99), "p99" + who, color, 2.5f, LinePattern.Solid);
        Line(plot, xs, points.Select(p => p.Max), "max (all outcomes)", color.WithAlpha(0.35), 1, LinePattern.Solid);
        Line(plot, xs, points.Select(p => p.ServiceP99), "service p99", color.WithAlpha(0.8), 1.5f, LinePattern.Dashed);

        ChartStyle.ShowLegend(plot);
        ChartStyle.FromZero(plot);
        var notes = new List<string>();
        double peak = points.Length == 0 ? 0 : points.Max(p => p.P99);
        var drawn = Budgets(plot, scenario, operation, budgets ?? [], peak, notes);
        axis.Apply(plot);
        string caption = (ok
            ? "Solid: successful operations' latency from the intended start (corrected for coordinated omission), per second; failed and throttled operations are left out. "
            : "Solid: latency of all outcomes (this results file has no per-second ok histograms). ") +
            "Faint: each second's slowest operation, any outcome. Dashed: service time from the actual send." +
            (drawn > 0 ? " Red dotted: latency budgets." : "") +
            string.Concat(notes.Select(n => " " + n)) +
            Buckets.Note(size, intervals.Length == 0 ? 1 : intervals[0].Length, latency: true);
        return new Chart(id, title, caption, scenario.Name, plot);
    }

    /// <summary>
    /// The latency budgets that cover this operation, as limit lines; the y range grows to show them. A budget far above
    /// the highest p99 (<see cref="ChartStyle.LimitWithinReach"/>) is named in <paramref name="notes"/> instead, so a
    /// loose budget does not flatten the story of the data; a broken budget is always drawn.
    /// </summary>
    private static int Budgets(Plot plot, ScenarioResult scenario, OperationResult operation, IReadOnlyList<BudgetOutcome> budgets, double peak, List<string> notes)
    {
        var covering = budgets.Where(b => b.Unit == "ms" && (b.Scenario is null || b.Scenario == scenario.Name) && (b.Operation is null || b.Operation == operation.Name)).ToList();
        if (covering.Count == 0)
            return 0;
        double top = plot.Axes.GetLimits().Top;
        int drawn = 0;
        foreach (var budget in covering)
        {
            if (budget.Passed && budget.Limit > ChartStyle.LimitWithinReach * Math.Max(peak, 1e-9))
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"Budget {budget.Name} (met) is {ReportNumbers.Number(budget.Limit / Math.Max(peak, 1e-9))}× the highest p99 of a second ({ReportNumbers.Number(peak)} ms): not drawn."));
                continue;
            }

            drawn++;
            var line = plot.Add.HorizontalLine(budget.Limit, 1.5f, Budget, LinePattern.Dotted);
            line.LegendText = "budget " + budget.Name + (budget.Passed ? "" : " (failed)");
            top = Math.Max(top, budget.Limit * 1.1);
        }

        if (drawn > 0)
            plot.Axes.SetLimitsY(0, top);
        return drawn;
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
