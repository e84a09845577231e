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

    private static double[,] Split(double[,] cells)
    {
        int rows = cells.GetLength(0), columns = cells.GetLength(1);
        int rowFactor = rows == 1 ? 2 : 1, columnFactor = columns == 1 ? 2 : 1;
        var grid = new double[rows * rowFactor, columns * columnFactor];
        for (int r = 0; r < grid.GetLength(0); r++)
        {
            for (int c = 0; c < grid.GetLength(1); c++)
                grid[r, c] = cells[r / rowFactor, c / columnFactor];
        }

        return grid;
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
                // ScottPlot draws the matrix's first row at the top: the first partition in key order.
                cells[r, c] = shares.Length == 0 ? double.NaN : shares.Max();
            }
        }

        if (columns.Length > 0)
        {
            // ScottPlot places a heatmap by the centres of its corner cells, so a single row or column has no extent:
            // such a dimension is drawn as two half cells of the same value.
            var grid = Split(cells);
            var heatmap = plot.Add.Heatmap(grid);
            heatmap.Colormap = new ScottPlot.Colormaps.Turbo();
            heatmap.ManualRange = new ScottPlot.Range(0, 1);
            heatmap.NaNCellColor = Colors.White;
            heatmap.Smooth = false;
            double from = axis.X(columns[0][0].Offset), to = axis.X(columns[^1][^1].Offset + columns[^1][^1].Length);
            double halfWidth = (to - from) / grid.GetLength(1) / 2, halfHeight = (double)rows / grid.GetLength(0) / 2;
            heatmap.Position = new CoordinateRect(from + halfWidth, to - halfWidth, halfHeight, rows - halfHeight);
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
