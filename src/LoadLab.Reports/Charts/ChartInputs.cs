using LoadLab.Core.Results;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Data of the run-wide charts that does not come straight from the operations' figures. Built
/// from the operations today; when RunResult gains the capacity simulator's section,
/// <see cref="From"/> takes throttles and capacity from it instead and the charts stay as they are.
/// </summary>
public sealed record ChartInputs(ThrottleSeries Throttles, IReadOnlyList<CapacitySeries> Capacity)
{
    public static ChartInputs From(RunResult result) => FromOperations(result);

    public static ChartInputs FromOperations(RunResult result) =>
        new(ThrottleSeries.FromOperations(result), CapacitySeries.FromOperations(result));
}
