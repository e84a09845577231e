using System.Globalization;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>Consumed read and write capacity units per second of one table, against its limits when known.</summary>
public static class CapacityChart
{
    private static readonly Color Read = new(0x1f, 0x77, 0xb4);
    private static readonly Color Write = new(0xff, 0x7f, 0x0e);

    public static Chart Create(string id, CapacitySeries capacity, TimeAxis axis)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        string title = $"Consumed capacity: {capacity.Scope}";
        var plot = ChartStyle.NewPlot(title, axis.Label, "capacity units per second");
        int size = Buckets.Size(capacity.Points.Count);
        var points = Buckets.Split(capacity.Points.OrderBy(p => p.Start).ToArray(), size).Select(Merge).ToArray();
        double[] xs = points.Select(p => axis.X(p.Start + (p.Length / 2))).ToArray();
        if (xs.Length > 0)
        {
            Line(plot, xs, points.Select(p => p.ReadUnitsPerSecond), "consumed RCU/s", Read, 2, LinePattern.Solid);
            Line(plot, xs, points.Select(p => p.WriteUnitsPerSecond), "consumed WCU/s", Write, 2, LinePattern.Solid);
            Limit(plot, points, xs, p => p.ReadLimit, $"{capacity.LimitLabel} RCU/s", Read);
            Limit(plot, points, xs, p => p.WriteLimit, $"{capacity.LimitLabel} WCU/s", Write);
        }

        ChartStyle.ShowLegend(plot);
        ChartStyle.FromZero(plot);
        axis.Apply(plot);
        return new Chart(id, title, Caption(capacity, points) + Buckets.Note(size, capacity.Points.Count == 0 ? 1 : capacity.Points[0].Length), null, plot);
    }

    /// <summary>Consumed units are averaged exactly over a bucket; a limit shows its lowest value (the one that throttles).</summary>
    private static CapacityPoint Merge(CapacityPoint[] bucket)
    {
        if (bucket.Length == 1) return bucket[0];
        double length = bucket[^1].Start + bucket[^1].Length - bucket[0].Start;
        double Average(Func<CapacityPoint, double> f) => length > 0 ? bucket.Sum(p => f(p) * p.Length) / length : 0;
        return new CapacityPoint(
            bucket[0].Start, length, Average(p => p.ReadUnitsPerSecond), Average(p => p.WriteUnitsPerSecond),
            bucket.Min(p => p.ReadLimit), bucket.Min(p => p.WriteLimit), bucket.Max(p => p.Partitions));
    }

    private static string? Caption(CapacitySeries capacity, CapacityPoint[] points)
    {
        var partitions = points.Where(p => p.Partitions is not null).Select(p => p.Partitions!.Value).ToArray();
        if (partitions.Length == 0) return capacity.Note;
        string text = partitions.Min() == partitions.Max()
            ? string.Create(CultureInfo.InvariantCulture, $"{partitions[0]} partition(s).")
            : string.Create(CultureInfo.InvariantCulture, $"Partitions grew from {partitions[0]} to {partitions[^1]} (at most {partitions.Max()}).");
        return capacity.Note is null ? text : capacity.Note + " " + text;
    }

    private static void Limit(Plot plot, CapacityPoint[] points, double[] xs, Func<CapacityPoint, double?> limit, string label, Color color)
    {
        // Limits can change during a run (on-demand scaling, adaptive capacity), so they are lines, not constants.
        if (!points.Any(p => limit(p) is not null)) return;
        var kept = points.Select((p, i) => (X: xs[i], Y: limit(p))).Where(p => p.Y is not null).ToArray();
        var line = plot.Add.Scatter(kept.Select(p => p.X).ToArray(), kept.Select(p => p.Y!.Value).ToArray(), color);
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.Dashed;
        line.MarkerSize = 0;
        line.LegendText = label;
    }

    private static void Line(Plot plot, double[] xs, IEnumerable<double> ys, string label, Color color, float width, LinePattern pattern)
    {
        var line = plot.Add.SignalXY(xs, ys.ToArray(), color);
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.LegendText = label;
    }
}
