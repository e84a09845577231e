using System.Globalization;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Consumed read or write capacity units per second of one table or index, scaled to what was consumed, with the
/// limits that matter drawn: provisioned units or the on-demand ceiling when they are within reach of the traffic,
/// and the per-partition (and per-key) limit with the busiest partition when a partition came near it. A limit far
/// above the traffic is named in the caption instead: drawn, it would flatten the traffic to a line at zero.
/// </summary>
public static class CapacityChart
{
    private static readonly Color Read = new(0x1f, 0x77, 0xb4);
    private static readonly Color Write = new(0xff, 0x7f, 0x0e);
    private static readonly Color Partition = new(0xd6, 0x27, 0x28);

    /// <summary>A limit is drawn when it is at most this many times the peak consumption.</summary>

    public static Chart Create(string id, CapacitySeries capacity, TimeAxis axis, bool write)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        string unit = write ? "WCU" : "RCU";
        string title = $"Consumed {(write ? "write" : "read")} capacity: {capacity.Scope}";
        var plot = ChartStyle.NewPlot(title, axis.Label, unit + " per second");
        int size = Buckets.Size(capacity.Points.Count);
        var points = Buckets.Split(capacity.Points.OrderBy(p => p.Start).ToArray(), size).Select(Merge).ToArray();
        double[] xs = points.Select(p => axis.X(p.Start + (p.Length / 2))).ToArray();
        Func<CapacityPoint, double> consumed = write ? p => p.WriteUnitsPerSecond : p => p.ReadUnitsPerSecond;
        Func<CapacityPoint, double?> limit = write ? p => p.WriteLimit : p => p.ReadLimit;
        Func<CapacityPoint, double?> hot = write ? p => p.HotPartitionWrite : p => p.HotPartitionRead;
        double peak = points.Select(consumed).DefaultIfEmpty(0).Max();
        double top = Math.Max(peak, 1);
        var notes = new List<string>();
        if (xs.Length > 0)
        {
            Line(plot, xs, points.Select(consumed), $"consumed {unit}/s (table)", write ? Write : Read, 2, LinePattern.Solid);
            top = Math.Max(top, PartitionLimit(plot, capacity, points, xs, hot, write, unit, peak, notes));
            top = Math.Max(top, TableLimit(plot, capacity, points, xs, limit, unit, peak, write ? Write : Read, notes));
        }

        ChartStyle.ShowLegend(plot);
        plot.Axes.SetLimitsY(0, top * 1.15);
        axis.Apply(plot);
        string caption = string.Join(" ", new string?[] { capacity.Note, Partitions(points) }.Concat(notes).Where(n => !string.IsNullOrEmpty(n)))
            + Buckets.Note(size, capacity.Points.Count == 0 ? 1 : capacity.Points[0].Length);
        return new Chart(id, title, caption, null, plot);
    }

    /// <summary>Whether the chart of a dimension has anything to show.</summary>
    public static bool Consumed(CapacitySeries capacity, bool write)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        return capacity.Points.Any(p => (write ? p.WriteUnitsPerSecond : p.ReadUnitsPerSecond) > 0);
    }

    /// <summary>The provisioned units or ceiling: drawn when within reach of the traffic, named otherwise. Returns the height it needs.</summary>
    private static double TableLimit(Plot plot, CapacitySeries capacity, CapacityPoint[] points, double[] xs, Func<CapacityPoint, double?> limit, string unit, double peak, Color color, List<string> notes)
    {
        var kept = points.Select((p, i) => (X: xs[i], Y: limit(p))).Where(p => p.Y is not null).ToArray();
        if (kept.Length == 0)
            return 0;
        double lowest = kept.Min(p => p.Y!.Value);
        if (lowest > ChartStyle.LimitWithinReach * Math.Max(peak, 1))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The {capacity.LimitLabel} ({Text(lowest)} {unit}/s) is {Text(lowest / Math.Max(peak, 1e-9))}× the peak, far above the traffic: not drawn."));
            return 0;
        }

        // Limits can change during a run (on-demand scaling, auto scaling), so they are lines, not constants.
        var line = plot.Add.Scatter(kept.Select(p => p.X).ToArray(), kept.Select(p => p.Y!.Value).ToArray(), color);
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.Dashed;
        line.MarkerSize = 0;
        line.LegendText = $"{capacity.LimitLabel} {unit}/s";
        return kept.Max(p => p.Y!.Value);
    }

    /// <summary>
    /// The busiest partition against the per-partition limit, when it matters: a partition used half its limit or more,
    /// or the window saw throttles at the key-range limit. A hot key fails at this line however much table capacity is left.
    /// </summary>
    private static double PartitionLimit(Plot plot, CapacitySeries capacity, CapacityPoint[] points, double[] xs, Func<CapacityPoint, double?> hot, bool write, string unit, double peak, List<string> notes)
    {
        double? limit = write ? capacity.PartitionLimitWrite : capacity.PartitionLimitRead;
        if (limit is not { } l || points.All(p => hot(p) is null))
            return 0;
        double hottest = points.Max(p => hot(p) ?? 0);
        bool throttled = capacity.KeyRangeThrottles?.GetValueOrDefault(write ? "write" : "read") > 0;
        if (hottest < l / 2 && !throttled)
            return 0;
        Line(plot, xs, points.Select(p => hot(p) ?? 0), $"busiest partition {unit}/s", Partition, 1.5f, LinePattern.Solid);
        var line = plot.Add.HorizontalLine(l, 1.5f, Partition, LinePattern.Dotted);
        line.LegendText = string.Create(CultureInfo.InvariantCulture, $"per-partition / per-key limit {Text(l)} {unit}/s");
        notes.Add(hottest >= 0.9 * l
            ? string.Create(CultureInfo.InvariantCulture,
                $"The busiest partition reached {Text(hottest)} {unit}/s, at its {Text(l)} limit, while the table consumed at most {Text(peak)}: one partition (and one key) cannot go past that limit, whatever the table's capacity.")
            : throttled
            ? string.Create(CultureInfo.InvariantCulture,
                $"The busiest partition averaged at most {Text(hottest)} of its {Text(l)} {unit}/s limit per second, yet was throttled at that limit: its requests came in bursts, and a partition holds one second of capacity with no burst, so a hot key throttles below its average.")
            : string.Create(CultureInfo.InvariantCulture,
                $"The busiest partition reached {Text(hottest)} of its {Text(l)} {unit}/s limit (the table consumed at most {Text(peak)}): below the per-partition limit."));
        return Math.Max(hottest, l);
    }

    /// <summary>Consumed units are averaged exactly over a bucket; a limit shows its lowest value (the one that throttles); heat its highest.</summary>
    private static CapacityPoint Merge(CapacityPoint[] bucket)
    {
        if (bucket.Length == 1) return bucket[0];
        double length = bucket[^1].Start + bucket[^1].Length - bucket[0].Start;
        double Average(Func<CapacityPoint, double> f) => length > 0 ? bucket.Sum(p => f(p) * p.Length) / length : 0;
        return new CapacityPoint(
            bucket[0].Start, length, Average(p => p.ReadUnitsPerSecond), Average(p => p.WriteUnitsPerSecond),
            bucket.Min(p => p.ReadLimit), bucket.Min(p => p.WriteLimit), bucket.Max(p => p.Partitions),
            bucket.Max(p => p.HotPartitionRead), bucket.Max(p => p.HotPartitionWrite));
    }

    private static string? Partitions(CapacityPoint[] points)
    {
        var partitions = points.Where(p => p.Partitions is not null).Select(p => p.Partitions!.Value).ToArray();
        if (partitions.Length == 0) return null;
        return partitions.Min() == partitions.Max()
            ? string.Create(CultureInfo.InvariantCulture, $"{partitions[0]} partition(s).")
            : string.Create(CultureInfo.InvariantCulture, $"Partitions grew from {partitions[0]} to {partitions[^1]} (at most {partitions.Max()}).");
    }

    private static string Text(double value) => LoadLab.Reports.Text.ReportNumbers.Number(value);

    private static void Line(Plot plot, double[] xs, IEnumerable<double> ys, string label, Color color, float width, LinePattern pattern)
    {
        var line = plot.Add.SignalXY(xs, ys.ToArray(), color);
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.LegendText = label;
    }
}
