using LoadLab.Core.Results;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Partitions × seconds of one table or index that throttled, each cell coloured by the partition's use of the
/// per-partition limit (the higher of read and write; 1 = at the limit). A hot key shows as one bright row while the
/// others stay dark: a key design problem, not a capacity one. Measured window only.
/// </summary>
public static class PartitionHeatChart
{
    /// <summary>Resources worth a heat view: they throttled in the window and have per-partition data.</summary>
    public static IEnumerable<SimulatorResource> Throttled(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Simulator is not { Window: not null } simulator)
            return [];
        return simulator.Resources.Where(r => r.ThrottleEventsByReason.Values.Sum() > 0 && r.Seconds.Any(s => s.PartitionShares is { Count: > 0 }));
    }

    public static Chart Create(string id, SimulatorResource resource, TimeAxis axis)
    {
        ArgumentNullException.ThrowIfNull(resource);
        string scope = resource.Index is null ? resource.Table : resource.Table + "/" + resource.Index;
        string title = $"Partition heat: {scope}";
        var plot = ChartStyle.NewPlot(title, axis.Label, "partition (key order)");
        var seconds = resource.Seconds.Where(s => s.Length > 0).OrderBy(s => s.Offset).ToArray();
        int size = Buckets.Size(seconds.Length);
        var columns = Buckets.Split(seconds, size).ToArray();
        int rows = Math.Max(1, seconds.Max(s => s.PartitionShares?.Count ?? 0));
        var cells = new double[rows, columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            for (int r = 0; r < rows; r++)
            {
                // The worst second of a bucket: a hot spot must not be averaged away.
                var shares = columns[c].Select(s => s.PartitionShares is { } p && r < p.Count ? p[r] : double.NaN).Where(double.IsFinite).ToArray();
                // Row 0 (the first partition in key order) is drawn at the top.
                cells[rows - 1 - r, c] = shares.Length == 0 ? double.NaN : shares.Max();
            }
        }

        if (columns.Length > 0)
        {
            var heatmap = plot.Add.Heatmap(cells);
            heatmap.Colormap = new ScottPlot.Colormaps.Turbo();
            heatmap.ManualRange = new ScottPlot.Range(0, 1);
            heatmap.NaNCellColor = Colors.White;
            heatmap.Smooth = false;
            double from = axis.X(columns[0][0].Offset), to = axis.X(columns[^1][^1].Offset + columns[^1][^1].Length);
            heatmap.Extent = new CoordinateRect(from, to, 0, rows);
            var bar = plot.Add.ColorBar(heatmap);
            bar.Label = "share of partition limit";
            var ticks = new ScottPlot.TickGenerators.NumericManual();
            for (int r = 0; r < rows; r++)
                ticks.AddMajor(rows - r - 0.5, (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            plot.Axes.Left.TickGenerator = ticks;
        }

        plot.Axes.SetLimitsY(0, rows);
        axis.Apply(plot);
        string caption = "Each partition's busiest use of its limit (3,000 RCU or 1,000 WCU per second, the higher share) per second of the measured window; red is at the limit. " +
            "One hot row among dark ones means one key range, often one partition key, takes the load; partitions added by splits appear as new rows." + Buckets.Note(size, 1);
        return new Chart(id, title, caption, null, plot) { Height = Math.Clamp(180 + (rows * 22), 260, 640) };
    }
}
