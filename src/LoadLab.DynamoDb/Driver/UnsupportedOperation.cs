using LoadLab.Core.Outcomes;

namespace LoadLab.DynamoDb.Driver;

/// <summary>Stands in for an operation the target does not implement: no request, a clear client error every time.</summary>
internal sealed class UnsupportedOperation : DriverOperation
{
    private static readonly Task<OperationTally> NotSupported = Task.FromResult(
        new OperationTally(0, 0, Requests: 0) { Kind = OutcomeKind.ClientError, Reason = TargetSupport.NotSupportedReason });

    public override Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken) => NotSupported;
}
