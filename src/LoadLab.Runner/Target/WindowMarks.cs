using LoadLab.Capacity.Proxy;
using LoadLab.Capacity.Reporting;
using LoadLab.Core.Engine;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Target;

/// <summary>
/// Marks the measured window for the simulator section: the proxy's call counters are read when the last
/// warm-up ends (at the first statistics interval past it), so the section's request counts cover the
/// window only; the per-second data is cut afterwards from the engine's start and end.
/// </summary>
internal sealed class WindowMarks(TargetSession target, IReadOnlyList<ScenarioPlan> scenarios)
{
    private readonly double warmup = scenarios.Select(s => s.Warmup.TotalSeconds).DefaultIfEmpty(0).Max();
    private ProxyRequestStatistics? atWindowStart;

    /// <summary>Called just before the engine starts; without warm-up the window starts here.</summary>
    public void LoadStarting()
    {
        if (warmup <= 0)
            atWindowStart = target.RequestStatistics();
    }

    /// <summary>Called after every statistics interval (on the sampler's thread).</summary>
    public void OnInterval(LiveSnapshot snapshot)
    {
        if (atWindowStart is null && snapshot.ElapsedSeconds >= warmup)
            atWindowStart = target.RequestStatistics();
    }

    /// <summary>The window of a finished engine run; without one (interrupted before the load), an empty window at the end, so everything counts as seeding.</summary>
    public MeasuredWindow Window(EngineResult? engine, DateTimeOffset now) => engine is null
        ? new MeasuredWindow(now, 0, 0)
        : new MeasuredWindow(engine.StartedAt, engine.Scenarios.Select(s => s.Warmup.Seconds).DefaultIfEmpty(0).Max(), engine.DurationSeconds);

    public ProxyRequestStatistics? RequestsAtWindowStart => atWindowStart;
}
