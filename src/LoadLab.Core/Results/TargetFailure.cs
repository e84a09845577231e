namespace LoadLab.Core.Results;

/// <summary>
/// The target stopped answering during the load: from <see cref="SinceSeconds"/> on every operation that ended got a
/// network error or a timeout, none an answer, for at least <see cref="ThresholdSeconds"/> (the suite's
/// <c>failOn.unreachableFor</c>), so the run stopped scheduling at <see cref="StoppedAtSeconds"/>. Times are seconds
/// from the start of the load. A run with this set failed (exit 3), however its budgets came out.
/// </summary>
/// <param name="NetworkErrors">Operations that ended in a network error from <see cref="SinceSeconds"/> until the stop.</param>
/// <param name="Timeouts">Operations that timed out in that time.</param>
/// <param name="MostFrequentError">The most frequent error code of the run's failed operations (e.g. <c>ConnectionRefused</c>), when there is one.</param>
public sealed record TargetFailure(
    double SinceSeconds,
    double StoppedAtSeconds,
    long NetworkErrors,
    long Timeouts,
    double ThresholdSeconds,
    string? MostFrequentError = null);
