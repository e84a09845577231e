using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Tables;

/// <summary>Makes sure a planned table exists with the planned key and is ACTIVE before anything is written to it.</summary>
public static class TableProvisioner
{
    public static Task<bool> EnsureTableAsync(IAmazonDynamoDB client, TablePlan table, CancellationToken cancellationToken) =>
        EnsureTableAsync(client, table, TableWaitOptions.Default, cancellationToken);

    /// <summary>
    /// Creates the table if it is missing and waits until it is ACTIVE. Returns true when this call created it, which
    /// is what teardown needs to know (LoadLab deletes only tables it created).
    /// </summary>
    /// <exception cref="InvalidOperationException">The table exists with another key schema or other indexes, or is being deleted.</exception>
    /// <exception cref="TimeoutException">The table did not become ACTIVE within <see cref="TableWaitOptions.Timeout"/>.</exception>
    public static Task<bool> EnsureTableAsync(IAmazonDynamoDB client, TablePlan table, TableWaitOptions wait, CancellationToken cancellationToken) =>
        EnsureTableAsync(client, table, tags: null, wait, cancellationToken);

    /// <summary>As above; a table this call creates carries <paramref name="tags"/> (LoadLab's ownership marks, see <see cref="TableTags"/>).</summary>
    public static async Task<bool> EnsureTableAsync(IAmazonDynamoDB client, TablePlan table, IReadOnlyDictionary<string, string>? tags, TableWaitOptions wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(wait);

        bool created = false;
        var existing = await DescribeOrNullAsync(client, table.Name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                var request = TableSchema.CreateRequest(table);
                if (tags is { Count: > 0 })
                    request.Tags = TableTags.ToSdk(tags);
                await client.CreateTableAsync(request, cancellationToken).ConfigureAwait(false);
                created = true;
            }
            catch (ResourceInUseException)
            {
                // Someone else (another shard of the same run) created it between our describe and create.
                existing = await DescribeOrNullAsync(client, table.Name, cancellationToken).ConfigureAwait(false);
            }
        }

        if (existing is not null)
        {
            if (existing.TableStatus == TableStatus.DELETING)
                throw new InvalidOperationException($"Table '{table.Name}' is being deleted; run again once the deletion has finished.");
            TableSchema.EnsureSameKey(table, existing);
            TableSchema.EnsureSameIndexes(table, existing);
        }

        var active = await WaitUntilActiveAsync(client, table.Name, wait, cancellationToken).ConfigureAwait(false);
        // Tagged again once ACTIVE: emulators may drop CreateTable's Tags, and TagResource with the same values changes nothing.
        if (created && tags is { Count: > 0 })
            await TableTags.TagAsync(client, active.TableArn, tags, cancellationToken).ConfigureAwait(false);
        return created;
    }

    private static async Task<TableDescription> WaitUntilActiveAsync(IAmazonDynamoDB client, string tableName, TableWaitOptions wait, CancellationToken cancellationToken)
    {
        var time = wait.TimeProvider;
        long start = time.GetTimestamp();
        string status = "unknown";
        while (true)
        {
            // Right after CreateTable, AWS may briefly answer "not found": keep polling instead of failing.
            var description = await DescribeOrNullAsync(client, tableName, cancellationToken).ConfigureAwait(false);
            if (description is not null)
            {
                status = description.TableStatus?.Value ?? status;
                // On AWS a global index can still be CREATING after its table is ACTIVE; queries on it would fail.
                if (description.TableStatus == TableStatus.ACTIVE && IndexesActive(description))
                    return description;
                if (description.TableStatus == TableStatus.DELETING)
                    throw new InvalidOperationException($"Table '{tableName}' is being deleted; run again once the deletion has finished.");
            }

            if (time.GetElapsedTime(start) >= wait.Timeout)
                throw new TimeoutException(Formatting.Invariant($"Table '{tableName}' did not become ACTIVE within {wait.Timeout.TotalSeconds:0.#} s (last status: {status})."));
            await Task.Delay(wait.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IndexesActive(TableDescription description) =>
        (description.GlobalSecondaryIndexes ?? []).TrueForAll(index => index.IndexStatus is null || index.IndexStatus == IndexStatus.ACTIVE);

    /// <summary>The table's description, or null when it does not exist.</summary>
    public static async Task<TableDescription?> DescribeOrNullAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            return response.Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }
}
