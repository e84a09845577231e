using Amazon.DynamoDBv2.Model;

namespace LoadLab.DynamoDb.Driver;

/// <summary>Turns a response's ConsumedCapacity (requested with INDEXES, so table plus indexes) into read and write units.</summary>
internal static class ConsumedUnits
{
    public static (double Read, double Write) Of(ConsumedCapacity? consumed, bool isWrite)
    {
        if (consumed is null)
            return (0, 0);
        // AWS splits read and write units where both can occur; otherwise (and always on dynalite) only the total is given.
        if (consumed.ReadCapacityUnits is not null || consumed.WriteCapacityUnits is not null)
            return (consumed.ReadCapacityUnits ?? 0, consumed.WriteCapacityUnits ?? 0);
        double total = consumed.CapacityUnits ?? SumParts(consumed);
        return isWrite ? (0, total) : (total, 0);
    }

    private static double SumParts(ConsumedCapacity consumed)
    {
        double sum = consumed.Table?.CapacityUnits ?? 0;
        foreach (var index in consumed.GlobalSecondaryIndexes?.Values ?? Enumerable.Empty<Capacity>())
            sum += index.CapacityUnits ?? 0;
        foreach (var index in consumed.LocalSecondaryIndexes?.Values ?? Enumerable.Empty<Capacity>())
            sum += index.CapacityUnits ?? 0;
        return sum;
    }
}
