using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;

namespace LoadLab.UnitTests.Core.Support;

/// <summary>Completes every operation at once with the given outcome.</summary>
internal sealed class InstantExecutor(OperationOutcome outcome) : IOperationExecutor
{
    public int Calls;

    public ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        return new ValueTask<OperationOutcome>(outcome);
    }
}

/// <summary>Takes a fixed (virtual) time per operation.</summary>
internal sealed class SlowExecutor(TimeProvider time, TimeSpan serviceTime) : IOperationExecutor
{
    public async ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(serviceTime, time, cancellationToken);
        return OperationOutcome.Ok;
    }
}

/// <summary>Returns outcomes by operation index, to check per-operation accounting.</summary>
internal sealed class ScriptedExecutor(Func<OperationRequest, OperationOutcome> script) : IOperationExecutor
{
    public ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken) =>
        new(script(request));
}
