using Amazon.DynamoDBv2.Model;

namespace LoadLab.DynamoDb.Driver;

/// <summary>One kind of operation of a scenario's mix, with everything but the item index resolved up front.</summary>
internal abstract class DriverOperation
{
    /// <summary>Whether consumed capacity counts as write units (otherwise read units).</summary>
    public abstract bool IsWrite { get; }

    /// <summary>Sends the request for item <paramref name="index"/>; returns what the target reported as consumed.</summary>
    public abstract Task<ConsumedCapacity?> InvokeAsync(long index, long sequence, CancellationToken cancellationToken);
}
