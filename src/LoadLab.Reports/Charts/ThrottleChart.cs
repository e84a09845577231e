using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>Throttles per second over time, one line per throttling reason.</summary>
public static class ThrottleChart
{
    // Reasons are not operations, so they get their own warm palette instead of the operations' colours.
    private static readonly Color[] ReasonColours =
    [
        new(0xd6, 0x27, 0x28), new(0x94, 0x67, 0xbd), new(0xff, 0x7f, 0x0e), new(0x8c, 0x56, 0x4b),
        new(0xe3, 0x77, 0xc2), new(0x7f, 0x7f, 0x7f), new(0xbc, 0xbd, 0x22), new(0x17, 0xbe, 0xcf),
    ];

    public static Chart Create(string id, ThrottleSeries throttles, TimeAxis axis)
    {
        ArgumentNullException.ThrowIfNull(throttles);
        string title = $"Throttles over time by reason: {throttles.Scope}";
        var plot = ChartStyle.NewPlot(title, axis.Label, "throttled operations per second");
        int i = 0;
        foreach (var reason in throttles.Reasons)
        {
            var points = Buckets.Split(reason.Points.OrderBy(p => p.Start).ToArray(), Buckets.Size(reason.Points.Count)).Select(Merge).ToArray();
            var color = ReasonColours[i++ % ReasonColours.Length];
            if (points.Length == 0) continue;
            // SignalXY keeps the extremes of each pixel column, so a one-second burst stays visible in an hour-long run.
            var line = plot.Add.SignalXY(points.Select(p => axis.X(p.Start + (p.Length / 2))).ToArray(), points.Select(p => p.PerSecond).ToArray(), color);
            line.LineWidth = 1.5f;
            line.LegendText = reason.Reason;
        }

        ChartStyle.ShowLegend(plot);
        int size = Buckets.Size(throttles.Reasons.Count == 0 ? 0 : throttles.Reasons.Max(r => r.Points.Count));
        ChartStyle.FromZero(plot);
        axis.Apply(plot);
        return new Chart(id, title, throttles.Note + Buckets.Note(size, throttles.Reasons.SelectMany(r => r.Points).Select(p => p.Length).DefaultIfEmpty(1).First()), null, plot);
    }

    /// <summary>The exact average rate over a bucket.</summary>
    private static RatePoint Merge(RatePoint[] bucket)
    {
        if (bucket.Length == 1) return bucket[0];
        double length = bucket[^1].Start + bucket[^1].Length - bucket[0].Start;
        return new RatePoint(bucket[0].Start, length, length > 0 ? bucket.Sum(p => p.PerSecond * p.Length) / length : 0);
    }
}
