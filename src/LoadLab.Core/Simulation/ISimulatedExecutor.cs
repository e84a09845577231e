using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;

namespace LoadLab.Core.Simulation;

/// <summary>
/// Carries out one HTTP attempt of an operation on virtual time: prices it by the simulator's rules and asks the
/// capacity model to admit it. The <see cref="VirtualClock"/> shows the attempt's moment when this is called, and
/// the virtual engine calls it from one thread, in time order. Target outcomes are values, never exceptions.
/// </summary>
public interface ISimulatedExecutor
{
    /// <param name="request">Which arrival of the scenario and which operation of its mix (the same as a real run's).</param>
    /// <param name="attempt">1 for the first attempt, 2 for the first retry, and so on.</param>
    SimulatedAttempt Attempt(OperationRequest request, int attempt);
}

/// <summary>What one attempt came to.</summary>
/// <param name="Kind">How the attempt ended (Ok, Throttled, ConditionFailed, ServerError, …).</param>
/// <param name="Retryable">True when the AWS SDK would retry this answer (throttles and 5xx), false otherwise.</param>
/// <param name="ReadUnits">Read units consumed by this attempt (table and indexes); 0 when refused.</param>
/// <param name="WriteUnits">Write units consumed by this attempt; 0 when refused.</param>
/// <param name="Reason">The throttling reason for a throttle, the error code for an error, else null.</param>
public readonly record struct SimulatedAttempt(OutcomeKind Kind, bool Retryable, double ReadUnits = 0, double WriteUnits = 0, string? Reason = null)
{
    /// <summary>Items returned (query), as <see cref="OperationOutcome.ItemsReturned"/>.</summary>
    public int ItemsReturned { get; init; }

    /// <summary>Items read before a filter (query), as <see cref="OperationOutcome.ItemsScanned"/>.</summary>
    public int ItemsScanned { get; init; }

    /// <summary>Requests a query needed (pages), as <see cref="OperationOutcome.Pages"/>.</summary>
    public int Pages { get; init; }
}
