using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// HdrHistogram-style percentile distribution of a scenario's operations over the whole run, from
/// the cumulative histograms (exact, not averaged from intervals): x is the percentile on a nines
/// axis, y the latency. One colour per operation; solid corrected latency, dashed service time.
/// </summary>
public static class PercentileDistributionChart
{
    public static Chart Create(string id, ScenarioResult scenario, OperationPalette palette, string simulated = "")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(palette);
        string title = $"Latency by percentile{simulated}: {scenario.Name}";
        var plot = ChartStyle.NewPlot(title, "percentile", "latency (ms)");
        double nines = 1;
        foreach (var op in scenario.Operations)
        {
            var color = palette[op.Name];
            // The headline is the successful operations' curve; all outcomes (failures are often fast) dashed beside it.
            nines = Math.Max(nines, Add(plot, op.OkLatencyHistogram, op.Name + " (ok)", color, LinePattern.Solid, 2));
            if (op.OkLatencyHistogram is null || op.Count("ok") < op.Completed)
                nines = Math.Max(nines, Add(plot, op.LatencyHistogram, op.Name + " (all outcomes)", color.WithAlpha(0.6), LinePattern.Dashed, 1.5f));
        }

        ChartStyle.ShowLegend(plot);
        ChartStyle.FromZero(plot);
        NinesAxis.Apply(plot, nines);
        string caption = "Measured window, corrected latency. Each step right is one more nine (90 %, 99 %, 99.9 % …), so the tail is as visible as the median. Solid: successful operations; dashed: all outcomes, when some failed or were throttled.";
        return new Chart(id, title, caption, scenario.Name, plot);
    }

    /// <summary>Adds one curve; returns how many nines it spans.</summary>
    private static double Add(Plot plot, string? encoded, string label, Color color, LinePattern pattern, float width)
    {
        if (encoded is null) return 0;
        var histogram = HistogramCodec.Decode(encoded);
        var (xs, ys) = NinesAxis.Curve(histogram);
        if (xs.Length == 0) return 0;
        var line = plot.Add.Scatter(xs, ys, color);
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.MarkerSize = 0;
        line.LegendText = label;
        return xs[^1];
    }
}
