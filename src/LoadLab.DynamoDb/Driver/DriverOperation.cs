namespace LoadLab.DynamoDb.Driver;

/// <summary>One kind of operation of a scenario's mix, with everything but the item index resolved up front.</summary>
internal abstract class DriverOperation
{
    /// <summary>
    /// Sends the request(s) for item <paramref name="index"/> (drawn by the executor from the key distribution; scans
    /// ignore it). Single-request operations let SDK exceptions propagate; multi-request ones return them in
    /// <see cref="OperationTally.Error"/> with what the earlier requests consumed.
    /// </summary>
    public abstract Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken);
}
