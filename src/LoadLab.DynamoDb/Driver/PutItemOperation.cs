using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// <c>put</c>: PutItem of a freshly generated item. Overwrites the drawn seeded item (like an application save), or
/// with <c>new: true</c> inserts the next item after the seeded ones under <c>attribute_not_exists</c>. A user
/// condition applies to both; a false one is a conditionFailed outcome.
/// </summary>
internal sealed class PutItemOperation : DriverOperation
{
    private readonly DriverContext context;
    private readonly bool insert;
    private readonly string? condition;
    private readonly Dictionary<string, string>? names;
    private readonly Dictionary<string, AttributeValue>? values;

    public PutItemOperation(DriverContext context, OperationOptions options)
    {
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
        long target = insert ? context.Keys.ReserveNew() : index;
        var request = new PutItemRequest
        {
            TableName = context.Table.Name,
            Item = ItemWrites.Item(context, target, sequence),
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        };
        var response = await context.Client.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
        if (insert)
            context.Keys.Inserted(target);
        return OperationTally.Single(response.ConsumedCapacity, isWrite: true);
    }
}
