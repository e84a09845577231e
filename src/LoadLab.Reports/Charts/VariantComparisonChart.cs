using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.Reports.Text;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>One variant of a suite (a capacity mode, a key design) and its result.</summary>
public sealed record VariantRun(string Name, RunResult Result)
{
    /// <summary>What the variant changes in the suite, e.g. "orders.capacity: { mode: on-demand }".</summary>
    public IReadOnlyList<string> Changes { get; init; } = [];
}

/// <summary>
/// Variants side by side: p50, p99 and p99.9 of the corrected latency per variant, from the
/// merged cumulative histograms (exact percentiles of all matching operations, not averages of them).
/// </summary>
public static class VariantComparisonChart
{
    private static readonly (string Label, double Percentile, Color Colour)[] Metrics =
    [
        ("p50", 50, new Color(0x9e, 0xc5, 0xe8)),
        ("p99", 99, new Color(0x1f, 0x77, 0xb4)),
        ("p99.9", 99.9, new Color(0x0b, 0x3c, 0x5d)),
    ];

    /// <summary>Results named by their run id, until suites name their variants.</summary>
    public static Chart CreateFromRuns(IReadOnlyList<RunResult> results, string? scenario = null, string? operation = null, string id = "variants")
    {
        ArgumentNullException.ThrowIfNull(results);
        return Create(results.Select(r => new VariantRun(r.Run.RunId, r)).ToArray(), scenario, operation, id);
    }

    /// <param name="scenario">Only this scenario's operations; null for all.</param>
    /// <param name="operation">Only operations of this name; null for all.</param>
    public static Chart Create(IReadOnlyList<VariantRun> variants, string? scenario = null, string? operation = null, string id = "variants")
    {
        ArgumentNullException.ThrowIfNull(variants);
        string scope = (scenario ?? "all scenarios") + (operation is null ? "" : "/" + operation);
        string title = $"Latency by variant: {scope}";
        var plot = ChartStyle.NewPlot(title, "variant", "corrected latency (ms)");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        for (int v = 0; v < variants.Count; v++)
        {
            var merged = Merge(variants[v].Result, scenario, operation);
            double groupCenter = v * (Metrics.Length + 1);
            for (int m = 0; m < Metrics.Length; m++)
            {
                double ms = merged is null ? 0 : LatencyScale.ToMilliseconds(merged.GetValueAtPercentile(Metrics[m].Percentile));
                bars.Add(new Bar
                {
                    Position = groupCenter + m - 1,
                    Value = ms,
                    FillColor = Metrics[m].Colour,
                    Label = merged is null ? "no data" : ReportNumbers.Number(ms),
                });
            }

            ticks.AddMajor(groupCenter, variants[v].Name);
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = ticks;
        // Bars are added as one plot, so the legend names the metric colours by hand.
        foreach (var (label, _, colour) in Metrics)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = label, FillColor = colour });
        ChartStyle.ShowLegend(plot, Alignment.UpperLeft);
        double top = bars.Count == 0 ? 1 : Math.Max(1, bars.Max(b => b.Value) * 1.15);
        double right = Math.Max(1, (variants.Count * (Metrics.Length + 1)) - 2);
        plot.Axes.SetLimits(-2, right, 0, top);
        return new Chart(id, title, "Percentiles of the merged HdrHistograms of every matching operation in each variant.", scenario, plot);
    }

    private static HdrHistogram.HistogramBase? Merge(RunResult result, string? scenario, string? operation)
    {
        HdrHistogram.HistogramBase? sum = null;
        foreach (var s in result.Scenarios.Where(s => scenario is null || s.Name == scenario))
        {
            foreach (var op in s.Operations.Where(o => (operation is null || o.Name == operation) && o.LatencyHistogram is not null))
            {
                sum ??= LatencyScale.NewHistogram();
                sum.Add(HistogramCodec.Decode(op.LatencyHistogram!));
            }
        }

        return sum is { TotalCount: > 0 } ? sum : null;
    }
}
