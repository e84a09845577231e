using LoadLab.Core.Results;

namespace LoadLab.Reports.Text;

/// <summary>The capacity simulator's settings in one line, for every report of a run that went through it.</summary>
public static class SimulatorText
{
    /// <summary>"preset optimistic, overrides burstSeconds=0, onDemandPeakLag=2m" (or "no overrides").</summary>
    public static string Settings(SimulatorSection simulator)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var overrides = simulator.Overrides.Count == 0
            ? "no overrides"
            : "overrides " + string.Join(", ", simulator.Overrides.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value));
        return $"preset {simulator.Preset}, {overrides}";
    }
}
