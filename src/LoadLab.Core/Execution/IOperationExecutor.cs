using LoadLab.Core.Outcomes;

namespace LoadLab.Core.Execution;

/// <summary>
/// Carries out a scenario's operations against a target. The engine decides when and which; the
/// executor decides how. Implementations must not throw for target outcomes: they return them.
/// </summary>
public interface IOperationExecutor
{
    /// <summary>Runs one operation. <paramref name="request"/> says which operation of the mix and its sequence number.</summary>
    ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken);
}

/// <param name="Sequence">0-based number of the arrival within its scenario; key choice derives from it and the seed, so runs repeat.</param>
/// <param name="OperationIndex">Index into the scenario's mix.</param>
public readonly record struct OperationRequest(long Sequence, int OperationIndex);
