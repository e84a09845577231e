using System.Diagnostics;
using LoadLab.Core.Engine;
using LoadLab.Core.Plans;
using LoadLab.Runner.Running;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// Progress of a simulation on the console: virtual seconds fly by hundreds to the wall second, so rather than the
/// live table a line every few wall seconds says how far the virtual clock is and what it has seen.
/// </summary>
internal sealed class SimulationProgress(IRunReporter reporter, TimeSpan planned)
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);
    private readonly Stopwatch wall = Stopwatch.StartNew();
    private TimeSpan lastLine = TimeSpan.Zero;
    private long operations;
    private long throttled;

    public void OnInterval(LiveSnapshot snapshot)
    {
        foreach (var scenario in snapshot.Scenarios)
        {
            operations += scenario.Interval?.Completed ?? 0;
        }

        throttled = snapshot.Scenarios.Sum(s => s.ThrottledTotal);
        if (wall.Elapsed - lastLine < Every)
            return;
        lastLine = wall.Elapsed;
        double share = planned > TimeSpan.Zero ? snapshot.ElapsedSeconds / planned.TotalSeconds : 1;
        reporter.Info(Formatting.Invariant($"Simulated {Formatting.Duration(TimeSpan.FromSeconds(snapshot.ElapsedSeconds))} of {Formatting.Duration(planned)} ({share:P0}) in {wall.Elapsed.TotalSeconds:0} s: {operations:N0} operations, {throttled:N0} throttled"));
    }
}
