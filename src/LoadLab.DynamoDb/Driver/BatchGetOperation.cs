using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// <c>batchGet</c>: BatchGetItem of <c>batchSize</c> distinct items drawn from the key distribution. Unprocessed keys
/// are resent with backoff and counted; when they outlast the retries the operation is throttled ("UnprocessedKeys").
/// </summary>
internal sealed class BatchGetOperation : DriverOperation
{
    public const int DefaultSize = 25;
    public const int MaxSize = 100;

    private readonly DriverContext context;
    private readonly int size;
    private readonly bool? consistent;
    private readonly string? projection;
    private readonly Dictionary<string, string>? names;

    public BatchGetOperation(DriverContext context, OperationOptions options)
    {
        size = options.BatchSize ?? DefaultSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize, nameof(options));
        this.context = context;
        consistent = options.ConsistentRead ? true : null;
        var expressions = new ExpressionBuilder();
        projection = expressions.Projection(options.Projection);
        names = expressions.Names;
    }

    public override async Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        var keys = context.Keys.Distinct(sequence, size).Select(i => context.Model.KeyOf(i, context.Table)).ToList();
        var tally = new TallyBuilder(isWrite: false);
        try
        {
            for (int retry = 0; ; retry++)
            {
                var request = new BatchGetItemRequest
                {
                    RequestItems = new() { [context.Table.Name] = Keys(keys) },
                    ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
                };
                var response = await context.Client.BatchGetItemAsync(request, cancellationToken).ConfigureAwait(false);
                tally.Request(response.ConsumedCapacity);
                tally.Returned(response.Responses is { } r && r.TryGetValue(context.Table.Name, out var items) ? items.Count : 0);
                keys = response.UnprocessedKeys is { } u && u.TryGetValue(context.Table.Name, out var left) ? left.Keys ?? [] : [];
                if (keys.Count == 0)
                    return tally.Build();
                tally.Left(keys.Count);
                if (retry >= context.Options.MaxUnprocessedRetries)
                    return tally.Build() with { Kind = OutcomeKind.Throttled, Reason = "UnprocessedKeys" };
                tally.Unprocessed();
                await UnprocessedRetry.WaitAsync(context, retry, sequence, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            return tally.Failed(error);
        }
    }

    private KeysAndAttributes Keys(List<Dictionary<string, AttributeValue>> keys) => new()
    {
        Keys = keys,
        ConsistentRead = consistent,
        ProjectionExpression = projection,
        ExpressionAttributeNames = names,
    };
}
