using LoadLab.Core.Results;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Data of the run-wide charts that does not come straight from the operations' figures. With the
/// capacity simulator's section, capacity is its per-second consumed units against provisioned or
/// the on-demand ceiling; without it (runs against AWS), an estimate from the operations' units.
/// </summary>
public sealed record ChartInputs(ThrottleSeries Throttles, IReadOnlyList<CapacitySeries> Capacity)
{
    /// <summary>Most throttled keys from the simulator (table: hash, events); empty without it.</summary>
    public IReadOnlyList<(string Label, long Events)> HotKeys { get; init; } = [];

    public static ChartInputs From(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var simulated = SimulatorCapacity.From(result);
        var throttles = ThrottleSeries.FromSimulator(result) ?? ThrottleSeries.FromOperations(result);
        var inputs = simulated.Any(c => !c.IsEmpty) ? new ChartInputs(throttles, simulated) : FromOperations(result) with { Throttles = throttles };
        return inputs with { HotKeys = HotKeysChart.TopKeys(result) };
    }

    public static ChartInputs FromOperations(RunResult result) =>
        new(ThrottleSeries.FromOperations(result), CapacitySeries.FromOperations(result));
}
