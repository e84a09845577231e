using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.UnitTests.Core.Recording;

public class BoundedSeriesTests
{
    private static OperationInterval Point(double start, long completed, double p99) =>
        new(start, 1, completed, completed, 0, 0, 1, p99, p99, 1, p99);

    [Fact]
    public void Keeps_every_point_while_below_capacity()
    {
        var series = new BoundedSeries<OperationInterval>(8, SeriesMerge.Merge);
        for (int i = 0; i < 7; i++) series.Add(Point(i, 10, i));
        Assert.Equal(7, series.Snapshot().Count);
        Assert.Equal(1, series.Width);
    }

    [Fact]
    public void Coarsens_when_full_and_keeps_totals_and_worst_p99()
    {
        var series = new BoundedSeries<OperationInterval>(8, SeriesMerge.Merge);
        for (int i = 0; i < 1000; i++) series.Add(Point(i, 10, i == 500 ? 999 : 1));
        var points = series.Snapshot();
        Assert.True(points.Count <= 8, $"{points.Count} points");
        Assert.Equal(10_000, points.Sum(p => p.Completed));
        Assert.Equal(1000, points.Sum(p => p.Length));
        Assert.Equal(999, points.Max(p => p.P99Ms));
        Assert.Equal(0, points[0].Start);
    }
}
