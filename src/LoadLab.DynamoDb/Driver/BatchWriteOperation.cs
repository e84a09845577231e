using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// <c>batchWrite</c>: BatchWriteItem of <c>batchSize</c> generated items: distinct drawn items overwritten, or with
/// <c>new: true</c> new items after the seeded ones. Unprocessed items are resent with backoff and counted; when they
/// outlast the retries the operation is throttled ("UnprocessedItems").
/// </summary>
internal sealed class BatchWriteOperation : DriverOperation
{
    public const int DefaultSize = 25;
    public const int MaxSize = 25;

    private readonly DriverContext context;
    private readonly int size;
    private readonly bool insert;

    public BatchWriteOperation(DriverContext context, OperationOptions options)
    {
        size = options.BatchSize ?? DefaultSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize, nameof(options));
        this.context = context;
        insert = options.NewItems;
    }

    public override async Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        var indexes = insert ? Reserve() : context.Keys.Distinct(sequence, size);
        var pending = indexes.Select(i => new WriteRequest(new PutRequest(ItemWrites.Item(context, i, sequence)))).ToList();
        var tally = new TallyBuilder(isWrite: true);
        try
        {
            for (int retry = 0; ; retry++)
            {
                var request = new BatchWriteItemRequest
                {
                    RequestItems = new() { [context.Table.Name] = pending },
                    ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
                };
                var response = await context.Client.BatchWriteItemAsync(request, cancellationToken).ConfigureAwait(false);
                tally.Request(response.ConsumedCapacity);
                pending = response.UnprocessedItems is { } u && u.TryGetValue(context.Table.Name, out var left) ? left : [];
                if (pending.Count == 0)
                {
                    if (insert)
                        context.Keys.Inserted(indexes[^1]);
                    return tally.Build();
                }

                tally.Left(pending.Count);
                if (retry >= context.Options.MaxUnprocessedRetries)
                    return tally.Build() with { Kind = OutcomeKind.Throttled, Reason = "UnprocessedItems" };
                tally.Unprocessed();
                await UnprocessedRetry.WaitAsync(context, retry, sequence, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return tally.Failed(error);
        }
    }

    private long[] Reserve()
    {
        var indexes = new long[size];
        for (int i = 0; i < size; i++)
            indexes[i] = context.Keys.ReserveNew();
        return indexes;
    }
}
