using LoadLab.Core.Simulation;

namespace LoadLab.UnitTests.Simulation;

public sealed class SimulationIntervalsTests
{
    [Theory]
    [InlineData(40, 1, 1)]          // a real-time length keeps the suite's interval
    [InlineData(7199, 1, 1)]        // two hours of seconds, and the final partial interval, fit the series
    [InlineData(7200, 1, 2)]
    [InlineData(86400, 1, 13)]      // a day: 6,647 points of 13 s
    [InlineData(86400, 30, 30)]     // a suite's longer interval stays
    public void Intervals_stay_within_the_series_points(double plannedSeconds, double suiteInterval, double expected)
    {
        var interval = SimulationIntervals.For(TimeSpan.FromSeconds(plannedSeconds), TimeSpan.FromSeconds(suiteInterval));

        Assert.Equal(TimeSpan.FromSeconds(expected), interval);
        Assert.True(Math.Ceiling(plannedSeconds / interval.TotalSeconds) + 1 <= 7200);
    }
}
