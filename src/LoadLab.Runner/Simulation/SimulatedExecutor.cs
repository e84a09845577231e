using LoadLab.Core.Execution;
using LoadLab.Core.Simulation;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// One scenario's operations on simulated tables: keys drawn by the real executor's <see cref="KeySpace"/> (same seed,
/// same sequence, same item), priced by the capacity simulator's rules and admitted by the capacity model.
/// </summary>
internal sealed class SimulatedExecutor : ISimulatedExecutor
{
    // Operations whose last attempt was throttled, by sequence, so a retry repeats the same request. One the engine
    // gives up on is never asked again; past this many such leftovers they are dropped (a dropped retry draws anew).
    private const int MaxPending = 1 << 20;

    private readonly KeySpace keys;
    private readonly SimulatedOperation[] operations;
    private readonly Dictionary<long, RequestState> pending = [];

    internal SimulatedExecutor(KeySpace keys, SimulatedOperation[] operations)
    {
        this.keys = keys;
        this.operations = operations;
    }

    /// <summary>Item index the request with this sequence number targets (the real executor's <see cref="DynamoDbOperationExecutor.IndexOf"/>).</summary>
    public long IndexOf(long sequence) => keys.Next(sequence);

    public SimulatedAttempt Attempt(OperationRequest request, int attempt)
    {
        if (attempt <= 1 || !pending.Remove(request.Sequence, out var state))
            state = new RequestState(keys.Next(request.Sequence));
        var answer = operations[request.OperationIndex].Attempt(ref state, request.Sequence);
        if (answer.Retryable)
        {
            if (pending.Count >= MaxPending)
                pending.Clear();
            pending[request.Sequence] = state;
        }

        return answer;
    }
}
