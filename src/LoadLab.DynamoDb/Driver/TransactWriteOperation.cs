using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// <c>transactWrite</c>: TransactWriteItems of <c>batchSize</c> puts of generated items (distinct drawn items, or with
/// <c>new: true</c> new ones under <c>attribute_not_exists</c>), each under the user condition if any. A cancelled
/// transaction whose cause is a false condition is a conditionFailed outcome.
/// </summary>
internal sealed class TransactWriteOperation : DriverOperation
{
    public const int DefaultSize = 4;
    public const int MaxSize = 100;

    private readonly DriverContext context;
    private readonly int size;
    private readonly bool insert;
    private readonly string? condition;
    private readonly Dictionary<string, string>? names;
    private readonly Dictionary<string, AttributeValue>? values;

    public TransactWriteOperation(DriverContext context, OperationOptions options)
    {
        size = options.BatchSize ?? DefaultSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxSize, nameof(options));
        this.context = context;
        insert = options.NewItems;
        var expressions = new ExpressionBuilder(options.Values);
        var user = options.Condition is { } c ? expressions.User(c, "condition") : null;
        condition = ExpressionBuilder.And(user, insert ? ItemWrites.NotExists(expressions, context) : null);
        names = expressions.Names;
        values = expressions.Values;
    }

    public override async Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        long[] indexes = insert ? [.. Enumerable.Range(0, size).Select(_ => context.Keys.ReserveNew())] : context.Keys.Distinct(sequence, size);
        var request = new TransactWriteItemsRequest
        {
            TransactItems = [.. indexes.Select(i => new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = context.Table.Name,
                    Item = ItemWrites.Item(context, i, sequence),
                    ConditionExpression = condition,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
            })],
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        };
        var response = await context.Client.TransactWriteItemsAsync(request, cancellationToken).ConfigureAwait(false);
        if (insert)
            context.Keys.Inserted(indexes[^1]);
        var tally = new TallyBuilder(isWrite: true);
        tally.Request(response.ConsumedCapacity);
        return tally.Build();
    }
}
