namespace LoadLab.Capacity.Model.Metrics;

/// <summary>
/// Per-second points in bounded memory: full 1-second resolution until the buffer fills, then
/// neighbours merge pairwise and later points are grouped at the new width (2 s, 4 s, …), so a
/// run of any length keeps at most the configured number of points.
/// </summary>
internal sealed class SecondSeries(int capacity)
{
    private readonly SecondPoint[] points = new SecondPoint[capacity];
    private int count;
    private int width = 1;
    private SecondPoint pending;
    private bool hasPending;

    public void Add(in SecondPoint point)
    {
        pending = hasPending ? SecondPoint.Merge(pending, point) : point;
        hasPending = true;
        if (pending.Duration < width)
            return;
        Append(pending);
        hasPending = false;
    }

    public void CopyTo(List<SecondPoint> target)
    {
        for (var i = 0; i < count; i++)
            target.Add(points[i]);
        if (hasPending)
            target.Add(pending);
    }

    private void Append(in SecondPoint point)
    {
        points[count++] = point;
        if (count < points.Length)
            return;
        var merged = 0;
        for (var i = 0; i + 1 < count; i += 2)
            points[merged++] = SecondPoint.Merge(points[i], points[i + 1]);
        if (count % 2 == 1)
            points[merged++] = points[count - 1];
        count = merged;
        width *= 2;
    }
}
