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
/// Variants side by side: p50, p95 and p99 of their successful operations, from the merged cumulative ok histograms
/// (exact percentiles of all matching operations, not averages of them). Each variant's label says how many of its
/// operations failed: a design that fails fast looks fast, and the label keeps that in view.
/// </summary>
public static class VariantComparisonChart
{
    private static readonly (string Label, double Percentile, Color Colour)[] Metrics =
    [
        ("p50", 50, new Color(0x9e, 0xc5, 0xe8)),
        ("p95", 95, new Color(0x1f, 0x77, 0xb4)),
        ("p99", 99, new Color(0x0b, 0x3c, 0x5d)),
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
        string title = $"Latency of successful operations by variant: {scope}";
        var plot = ChartStyle.NewPlot(title, "variant (share of operations failed)", "corrected latency (ms)");
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var bars = new List<Bar>();
        for (int v = 0; v < variants.Count; v++)
        {
            var (merged, completed, failed) = Merge(variants[v].Result, scenario, operation);
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

            string share = completed == 0 ? "no operations" : ReportNumbers.Percent(failed, completed) + " failed";
            ticks.AddMajor(groupCenter, variants[v].Name + " (" + share + ")");
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
        return new Chart(id, title, "Percentiles of the merged ok histograms of every matching operation in each variant; throttled and failed operations are left out (their share is in the label). Which differences are clear is in the table above.", scenario, plot);
    }

    private static (HdrHistogram.HistogramBase? Merged, long Completed, long Failed) Merge(RunResult result, string? scenario, string? operation)
    {
        HdrHistogram.HistogramBase? sum = null;
        long completed = 0, failed = 0;
        foreach (var s in result.Scenarios.Where(s => scenario is null || s.Name == scenario))
        {
            foreach (var op in s.Operations.Where(o => operation is null || o.Name == operation))
            {
                completed += op.Completed;
                failed += op.Count("throttled") + OperationFigures.Errors(op);
                if ((op.OkLatencyHistogram ?? (op.Count("ok") == op.Completed ? op.LatencyHistogram : null)) is not { } encoded)
                    continue;
                sum ??= LatencyScale.NewHistogram();
                sum.Add(HistogramCodec.Decode(encoded));
            }
        }

        return (sum is { TotalCount: > 0 } ? sum : null, completed, failed);
    }
}
