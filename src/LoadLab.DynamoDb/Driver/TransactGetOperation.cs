using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary><c>transactGet</c>: TransactGetItems of <c>batchSize</c> distinct drawn items, optionally projected (twice the units of a get).</summary>
internal sealed class TransactGetOperation : DriverOperation
{
    public const int DefaultSize = 4;
    public const int MaxSize = 100;

    private readonly DriverContext context;
    private readonly int size;
    private readonly string? projection;
    private readonly Dictionary<string, string>? names;

    public TransactGetOperation(DriverContext context, OperationOptions options)
    {
        size = options.BatchSize ?? DefaultSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize, nameof(options));
        this.context = context;
        var expressions = new ExpressionBuilder();
        projection = expressions.Projection(options.Projection);
        names = expressions.Names;
    }

    public override async Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        var request = new TransactGetItemsRequest
        {
            TransactItems = [.. context.Keys.Distinct(sequence, size).Select(i => new TransactGetItem
            {
                Get = new Get
                {
                    TableName = context.Table.Name,
                    Key = context.Model.KeyOf(i, context.Table),
                    ProjectionExpression = projection,
                    ExpressionAttributeNames = names,
                },
            })],
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        };
        var response = await context.Client.TransactGetItemsAsync(request, cancellationToken).ConfigureAwait(false);
        var tally = new TallyBuilder(isWrite: false);
        tally.Request(response.ConsumedCapacity);
        tally.Returned(response.Responses?.Count(r => r?.Item is { Count: > 0 }) ?? 0);
        return tally.Build();
    }
}
