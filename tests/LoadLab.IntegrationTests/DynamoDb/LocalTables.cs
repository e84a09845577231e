using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Client;

namespace LoadLab.IntegrationTests.DynamoDb;

/// <summary>Clients and uniquely named tables for tests that share one local target.</summary>
internal static class LocalTables
{
    public static AmazonDynamoDBClient Client(Uri endpoint, int maxAttempts = DynamoDbTargetOptions.DefaultMaxAttempts) =>
        DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = endpoint, UseLocalCredentials = true, MaxAttempts = maxAttempts });

    /// <summary>A customer table with a fresh name, so tests never see each other's data.</summary>
    public static TablePlan NewCustomerTable(string id = "customers") => new()
    {
        Id = id,
        Name = "it_" + Guid.NewGuid().ToString("N")[..12],
        PartitionKey = new KeyAttribute("pk", "S"),
        SortKey = new KeyAttribute("sk", "S"),
    };

    public static async Task<long> CountAsync(IAmazonDynamoDB client, string tableName)
    {
        long count = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = tableName, Select = Select.COUNT, ExclusiveStartKey = start });
            count += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return count;
    }

    public static async Task DeleteQuietlyAsync(IAmazonDynamoDB client, string tableName)
    {
        try
        {
            await client.DeleteTableAsync(tableName);
        }
        catch (ResourceNotFoundException)
        {
            // Already gone: nothing to clean up.
        }
    }
}
