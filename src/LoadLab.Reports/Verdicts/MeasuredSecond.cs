using LoadLab.Core.Budgets;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Verdicts;

/// <summary>One measured second of a scope (an operation, or every operation of the run), as the bootstrap resamples it.</summary>
/// <param name="Start">Seconds since the load started.</param>
/// <param name="OkLatency">The ok operations' latencies as (µs, count) pairs; null when the file lacks them.</param>
internal sealed record MeasuredSecond(double Start, double Length, long Completed, long Ok, long Failed, long Throttled, IReadOnlyList<(long Micros, long Count)>? OkLatency)
{
    /// <summary>
    /// The seconds of the measured window: whole intervals after warm-up and before the last scheduled operation.
    /// The first interval (partly warm-up) and the last (partial, during the drain) are left out; their operations
    /// still count in the point values, which come from the run's totals.
    /// </summary>
    public static IReadOnlyList<MeasuredSecond> Of(ScenarioResult scenario, OperationResult operation, bool latency)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(operation);
        double from = scenario.Warmup.Seconds - 1e-6;
        // By the interval's middle: the sampler closes intervals a millisecond late now and then (1.001 s).
        return [.. operation.Series
            .Where(p => p.Length > 0 && p.Start >= from && p.Start + (p.Length / 2) <= scenario.DurationSeconds)
            .Select(p => new MeasuredSecond(
                p.Start, p.Length, p.Completed, p.Ok, p.Throttled + p.Errors, p.Throttled,
                !latency || p.Ok == 0 ? [] : p.OkLatencyEncoded() is { } encoded ? SparseHistogram.Read(encoded) : null))];
    }

    /// <summary>Every operation of the run, second by second (scenarios run side by side, so their seconds line up).</summary>
    public static IReadOnlyList<MeasuredSecond> Of(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Scenarios
            .SelectMany(s => s.Operations.SelectMany(o => Of(s, o, latency: false)))
            .GroupBy(x => (long)Math.Round(x.Start * 1000))
            .OrderBy(g => g.Key)
            .Select(g => new MeasuredSecond(
                g.Key / 1000.0, g.Max(x => x.Length), g.Sum(x => x.Completed), g.Sum(x => x.Ok), g.Sum(x => x.Failed), g.Sum(x => x.Throttled), null))];
    }
}
