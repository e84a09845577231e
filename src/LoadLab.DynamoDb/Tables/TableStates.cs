using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Results;

namespace LoadLab.DynamoDb.Tables;

/// <summary>DescribeTable as a <see cref="TableState"/> for results.json: capacity, item count, size and warm throughput.</summary>
public static class TableStates
{
    /// <summary>The table's state, or null when it does not exist.</summary>
    public static async Task<TableState?> DescribeAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        var description = await TableProvisioner.DescribeOrNullAsync(client, tableName, cancellationToken).ConfigureAwait(false);
        return description is null ? null : From(description);
    }

    public static TableState From(TableDescription d) => new(
        d.TableStatus?.Value ?? "UNKNOWN",
        d.BillingModeSummary?.BillingMode?.Value ?? (d.ProvisionedThroughput?.ReadCapacityUnits is > 0 ? "PROVISIONED" : "PAY_PER_REQUEST"),
        d.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
        d.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
        d.OnDemandThroughput?.MaxReadRequestUnits,
        d.OnDemandThroughput?.MaxWriteRequestUnits,
        d.ItemCount ?? 0,
        d.TableSizeBytes ?? 0,
        d.WarmThroughput?.ReadUnitsPerSecond,
        d.WarmThroughput?.WriteUnitsPerSecond,
        [.. (d.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName), .. (d.LocalSecondaryIndexes ?? []).Select(i => i.IndexName)]);
}
