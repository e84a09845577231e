using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>Applies <c>--duration-scale</c> to a scenario: every phase and the warm-up, not the think time.</summary>
internal static class DurationScaling
{
    // A phase scaled to nothing would vanish from the plan and the report; keep it, but short.
    private static readonly TimeSpan ShortestPhase = TimeSpan.FromMilliseconds(1);

    public static ScenarioPlan Apply(ScenarioPlan scenario, double factor)
    {
        if (factor == 1.0)
            return scenario;
        return scenario with
        {
            Phases = [.. scenario.Phases.Select(p => Phase(p, factor))],
            // Think time models a user's pause between requests; it is not a length of the run.
            Warmup = TimeSpan.FromTicks((long)Math.Round(scenario.Warmup.Ticks * factor)),
        };
    }

    private static LoadPhase Phase(LoadPhase phase, double factor)
    {
        var scaled = phase.Scale(factor);
        return scaled.Duration < ShortestPhase ? scaled with { Duration = ShortestPhase } : scaled;
    }
}
