using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;

namespace LoadLab.Bench;

/// <summary>Completes at once: what remains is the engine's own cost per operation.</summary>
internal sealed class NoOpExecutor : IOperationExecutor
{
    public ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken) =>
        new(OperationOutcome.Ok);
}
