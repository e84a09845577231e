using LoadLab.Core.Recording;

namespace LoadLab.Core.Simulation;

/// <summary>
/// How long a simulation's statistics intervals are. The series keep at most <see cref="ScenarioRecorder.SeriesCapacity"/>
/// points and merge neighbours beyond it, so a day of one-second intervals ends as 16- to 32-second points anyway; closing
/// 86,400 intervals (a millisecond or two each: histograms encoded per operation) would cost more than the day's
/// operations. Intervals are therefore as long as the run's length needs to stay within that many points.
/// </summary>
public static class SimulationIntervals
{
    /// <summary>The suite's interval, or a whole number of seconds long enough to keep <paramref name="planned"/> within the series' points.</summary>
    public static TimeSpan For(TimeSpan planned, TimeSpan interval)
    {
        // One point short of the capacity: the final, partial interval must fit too, or every point merges once more.
        double needed = Math.Ceiling(planned.TotalSeconds / (ScenarioRecorder.SeriesCapacity - 1));
        return needed > interval.TotalSeconds ? TimeSpan.FromSeconds(needed) : interval;
    }
}
