using LoadLab.Core.Results;

namespace LoadLab.Core.Recording;

/// <summary>
/// How two neighbouring interval points combine when a long run's series is coarsened. Counts add
/// exactly; percentiles cannot be merged from summaries, so p50 is count-weighted and p99/max take
/// the larger value (conservative: never hides a bad second).
/// </summary>
internal static class SeriesMerge
{
    public static OperationInterval Merge(OperationInterval a, OperationInterval b) => new(
        a.Start,
        a.Length + b.Length,
        a.Completed + b.Completed,
        a.Ok + b.Ok,
        a.Throttled + b.Throttled,
        a.Errors + b.Errors,
        Weighted(a.P50Ms, a.Completed, b.P50Ms, b.Completed),
        Math.Max(a.P99Ms, b.P99Ms),
        Math.Max(a.MaxMs, b.MaxMs),
        Weighted(a.ServiceP50Ms, a.Completed, b.ServiceP50Ms, b.Completed),
        Math.Max(a.ServiceP99Ms, b.ServiceP99Ms),
        MergeHistograms(a.Histogram, b.Histogram),
        a.Ok + b.Ok == a.Completed + b.Completed ? null : MergeHistograms(a.OkLatencyEncoded(), b.OkLatencyEncoded()),
        a.ThrottleEvents + b.ThrottleEvents ?? a.ThrottleEvents ?? b.ThrottleEvents);

    // Histograms add exactly, so coarsened points keep exact interval distributions.
    private static string? MergeHistograms(string? a, string? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        var sum = LatencyScale.NewHistogram();
        sum.Add(HistogramCodec.Decode(a));
        sum.Add(HistogramCodec.Decode(b));
        return HistogramCodec.Encode(sum);
    }

    public static ScenarioInterval Merge(ScenarioInterval a, ScenarioInterval b) => new(
        a.Start,
        a.Length + b.Length,
        a.Phase == b.Phase ? a.Phase : $"{a.Phase} / {b.Phase}",
        a.TargetOps + b.TargetOps,
        a.Started + b.Started,
        a.Completed + b.Completed,
        a.Dropped + b.Dropped,
        Math.Max(a.LatenessP99Ms, b.LatenessP99Ms),
        Math.Max(a.InFlight, b.InFlight));

    private static double Weighted(double x, long nx, double y, long ny) =>
        nx + ny == 0 ? 0 : Math.Round(((x * nx) + (y * ny)) / (nx + ny), 3);
}
