using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Outcomes;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// What one operation did, as the operation saw it: units, requests, item counts, and how it ended when that was
/// not by an exception from the SDK. Operations that make several requests (pages, segments, batch retries) report
/// a failure in <see cref="Error"/> instead of throwing, so the units the earlier requests consumed still count.
/// </summary>
internal readonly record struct OperationTally(
    double Read,
    double Write,
    int Requests,
    int ItemsReturned = 0,
    int ItemsScanned = 0,
    int Pages = 0,
    int UnprocessedRetries = 0,
    int UnprocessedItems = 0)
{
    /// <summary>Ok unless the operation ended otherwise without an exception (batch retries exhausted, not supported).</summary>
    public OutcomeKind Kind { get; init; }

    public string? Reason { get; init; }

    /// <summary>The exception that ended a multi-request operation part-way; the executor classifies it.</summary>
    public Exception? Error { get; init; }

    /// <summary>One request and its consumed capacity: get, put, update, delete.</summary>
    public static OperationTally Single(ConsumedCapacity? consumed, bool isWrite)
    {
        var (read, write) = ConsumedUnits.Of(consumed, isWrite);
        return new OperationTally(read, write, Requests: 1);
    }
}

/// <summary>Adds up the requests of one multi-request operation (or of one segment or shard of it).</summary>
internal sealed class TallyBuilder(bool isWrite)
{
    private double read;
    private double write;
    private int requests;
    private int itemsReturned;
    private int itemsScanned;
    private int pages;
    private int unprocessedRetries;
    private int unprocessedItems;

    public void Request(ConsumedCapacity? consumed)
    {
        var (r, w) = ConsumedUnits.Of(consumed, isWrite);
        read += r;
        write += w;
        requests++;
    }

    public void Request(List<ConsumedCapacity>? consumed)
    {
        foreach (var c in consumed ?? [])
        {
            var (r, w) = ConsumedUnits.Of(c, isWrite);
            read += r;
            write += w;
        }

        requests++;
    }

    public void Page(int returned, int scanned)
    {
        itemsReturned += returned;
        itemsScanned += scanned;
        pages++;
    }

    public void Returned(int items) => itemsReturned += items;

    public void Unprocessed() => unprocessedRetries++;

    /// <summary>Items or keys a batch response returned unprocessed: DynamoDB's per-item throttles, counted as throttle events.</summary>
    public void Left(int items) => unprocessedItems += items;

    /// <summary>The tally so far plus the request that failed with <paramref name="error"/>.</summary>
    public OperationTally Failed(Exception error)
    {
        requests++;
        return Build() with { Error = error };
    }

    public OperationTally Build() => new(read, write, requests, itemsReturned, itemsScanned, pages, unprocessedRetries, unprocessedItems);

    /// <summary>Sums the tallies of parallel parts; the first error or non-Ok ending wins.</summary>
    public static OperationTally Sum(IEnumerable<OperationTally> parts)
    {
        var sum = default(OperationTally);
        foreach (var p in parts)
        {
            sum = new OperationTally(sum.Read + p.Read, sum.Write + p.Write, sum.Requests + p.Requests,
                sum.ItemsReturned + p.ItemsReturned, sum.ItemsScanned + p.ItemsScanned, sum.Pages + p.Pages,
                sum.UnprocessedRetries + p.UnprocessedRetries, sum.UnprocessedItems + p.UnprocessedItems)
            {
                Kind = sum.Kind != OutcomeKind.Ok ? sum.Kind : p.Kind,
                Reason = sum.Kind != OutcomeKind.Ok ? sum.Reason : p.Reason,
                Error = sum.Error ?? p.Error,
            };
        }

        return sum;
    }
}
