namespace LoadLab.Core.Recording;

/// <summary>
/// A time series with a fixed maximum number of points. When it fills up, neighbouring points are
/// merged pairwise and later points are merged in groups of the new width, so memory stays bounded
/// for runs of any length while short runs keep full 1-second resolution.
/// </summary>
internal sealed class BoundedSeries<T>(int capacity, Func<T, T, T> merge)
    where T : class
{
    private readonly List<T> points = new(Math.Min(capacity, 1024));
    private int width = 1;
    private T? pending;
    private int pendingCount;

    /// <summary>How many raw intervals each point covers now.</summary>
    public int Width => width;

    public void Add(T point)
    {
        pending = pending is null ? point : merge(pending, point);
        if (++pendingCount < width) return;
        Append(pending);
        pending = null;
        pendingCount = 0;
    }

    /// <summary>The points so far, including a partly filled last one.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        var copy = new List<T>(points);
        if (pending is not null) copy.Add(pending);
        return copy;
    }

    private void Append(T point)
    {
        points.Add(point);
        if (points.Count < capacity) return;
        var merged = new List<T>(capacity);
        for (int i = 0; i + 1 < points.Count; i += 2)
            merged.Add(merge(points[i], points[i + 1]));
        if (points.Count % 2 == 1) merged.Add(points[^1]);
        points.Clear();
        points.AddRange(merged);
        width *= 2;
    }
}
