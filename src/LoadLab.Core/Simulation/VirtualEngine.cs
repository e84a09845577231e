using LoadLab.Core.Engine;

namespace LoadLab.Core.Simulation;

/// <summary>
/// The load engine on virtual time: the same scenarios, schedules, operation picks, in-flight bounds, warm-up,
/// recorders, intervals and results as <see cref="LoadEngine"/>, played as a discrete-event simulation. Every HTTP
/// attempt is an event: the executor sees the clock at the attempt's moment, in time order over all scenarios, and
/// the answer comes back after the modelled service time. Nothing waits on the wall clock, so an hour of load runs
/// in seconds and the same seed repeats the same run exactly.
/// </summary>
public static class VirtualEngine
{
    /// <summary>Runs the scenarios side by side from the clock's current moment until they have finished (or <paramref name="stop"/> is cancelled).</summary>
    public static EngineResult Run(IReadOnlyList<SimulatedScenario> scenarios, SimulationOptions options, VirtualClock clock, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();
        return new VirtualRun(scenarios, options, clock).Run(stop);
    }

    /// <summary>Seconds to clock ticks, rounded as the real runner rounds its timestamps.</summary>
    internal static long ToTicks(double seconds) => (long)Math.Round(seconds * TimeSpan.TicksPerSecond);
}
