using System.Globalization;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Groups consecutive intervals so a time chart has at most <see cref="MaxPoints"/> points: an
/// hour of one-second points is unreadable at chart width and makes each inline SVG half a megabyte.
/// Counts and rates are averaged exactly over a bucket; latency percentiles keep the worst value
/// (the same rule the recorder uses when it coarsens long series).
/// </summary>
internal static class Buckets
{
    public const int MaxPoints = 600;

    public static int Size(int count) => count <= MaxPoints ? 1 : (count + MaxPoints - 1) / MaxPoints;

    public static IEnumerable<T[]> Split<T>(IReadOnlyList<T> items, int size)
    {
        for (int i = 0; i < items.Count; i += size)
            yield return Enumerable.Range(i, Math.Min(size, items.Count - i)).Select(j => items[j]).ToArray();
    }

    /// <summary>Caption sentence saying how much time one point covers, or empty when points are intervals.</summary>
    /// <param name="latency">The chart shows percentiles, which keep the worst interval rather than an average.</param>
    public static string Note(int size, double intervalSeconds, bool latency = false) => size <= 1
        ? ""
        : string.Create(CultureInfo.InvariantCulture, $" Each point covers {size * intervalSeconds:0.#} s ({(latency ? "p50 averaged; p99 and max: the worst interval" : "averaged")}).");
}
