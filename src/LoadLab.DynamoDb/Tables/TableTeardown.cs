using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LoadLab.DynamoDb.Tables;

/// <summary>What teardown did with one table.</summary>
public enum TeardownOutcome
{
    /// <summary>DeleteTable was accepted (the table is DELETING or gone).</summary>
    Deleted,

    /// <summary>No such table (never created, or deleted by an earlier, interrupted teardown).</summary>
    NotFound,

    /// <summary>The table lacks LoadLab's created-by tag: someone else's, left alone.</summary>
    NotLoadLabs,
}

/// <summary>Deletes a table only when LoadLab's tag says LoadLab created it. Each table is one DeleteTable call, so an interrupted teardown leaves every table either whole or deleted, and running it again finishes the job.</summary>
public static class TableTeardown
{
    /// <summary>Null when the table exists and carries LoadLab's tag (so it may be deleted); otherwise why not (DELETING counts as deleted).</summary>
    public static async Task<TeardownOutcome?> CheckAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        var description = await TableProvisioner.DescribeOrNullAsync(client, tableName, cancellationToken).ConfigureAwait(false);
        if (description is null)
            return TeardownOutcome.NotFound;
        if (description.TableStatus == TableStatus.DELETING)
            return TeardownOutcome.Deleted;
        var tags = await TableTags.ListAsync(client, description.TableArn, cancellationToken).ConfigureAwait(false);
        return TableTags.IsLoadLabs(tags) ? null : TeardownOutcome.NotLoadLabs;
    }

    /// <summary>Deletes the table when it carries LoadLab's tag; the tag is read again right before, whatever was checked earlier.</summary>
    public static async Task<TeardownOutcome> DeleteIfLoadLabsAsync(IAmazonDynamoDB client, string tableName, CancellationToken cancellationToken)
    {
        if (await CheckAsync(client, tableName, cancellationToken).ConfigureAwait(false) is { } outcome)
            return outcome;
        try
        {
            await client.DeleteTableAsync(new DeleteTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            return TeardownOutcome.Deleted;
        }
        catch (ResourceNotFoundException)
        {
            return TeardownOutcome.NotFound;
        }
    }
}
