using Amazon.DynamoDBv2.Model;

namespace LoadLab.DynamoDb.Driver;

/// <summary>One page of a query or scan: what it consumed, counted and where the next one starts.</summary>
internal readonly record struct Page(ConsumedCapacity? Consumed, int? Returned, int? Scanned, Dictionary<string, AttributeValue>? LastKey);

/// <summary>Reads the pages of one query or scan segment, and runs several of them side by side.</summary>
internal static class Paging
{
    /// <summary>
    /// Reads the first page, and with <paramref name="all"/> the following ones until LastEvaluatedKey runs out.
    /// A failure ends the read and is returned in the tally, with the units the pages before it consumed.
    /// </summary>
    public static async Task<OperationTally> ReadAsync(
        Func<Dictionary<string, AttributeValue>?, CancellationToken, Task<Page>> read,
        bool all,
        CancellationToken cancellationToken)
    {
        var tally = new TallyBuilder(isWrite: false);
        Dictionary<string, AttributeValue>? start = null;
        try
        {
            do
            {
                var page = await read(start, cancellationToken).ConfigureAwait(false);
                tally.Request(page.Consumed);
                tally.Page(page.Returned ?? 0, page.Scanned ?? page.Returned ?? 0);
                // The SDK leaves LastEvaluatedKey null (v4) or empty when this was the last page.
                start = page.LastKey is { Count: > 0 } next ? next : null;
            }
            while (all && start is not null);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return tally.Failed(error);
        }

        return tally.Build();
    }

    /// <summary>Runs the parts concurrently (shards, segments) and adds them up; one part runs without the extra task.</summary>
    public static async Task<OperationTally> FanOutAsync(int parts, Func<int, Task<OperationTally>> part)
    {
        if (parts == 1)
            return await part(0).ConfigureAwait(false);
        var tasks = new Task<OperationTally>[parts];
        for (int i = 0; i < parts; i++)
            tasks[i] = part(i);
        var tallies = await Task.WhenAll(tasks).ConfigureAwait(false);
        return TallyBuilder.Sum(tallies);
    }
}
