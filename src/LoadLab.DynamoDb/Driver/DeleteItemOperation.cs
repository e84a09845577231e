using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// <c>delete</c>: DeleteItem of the drawn item. Deleted seeded items stay gone for the rest of the run (later gets
/// find nothing, still Ok); <c>condition: "attribute_exists(pk)"</c> turns deletes of missing items into conditionFailed.
/// </summary>
internal sealed class DeleteItemOperation : DriverOperation
{
    private readonly DriverContext context;
    private readonly string? condition;
    private readonly Dictionary<string, string>? names;
    private readonly Dictionary<string, AttributeValue>? values;

    public DeleteItemOperation(DriverContext context, OperationOptions options)
    {
        this.context = context;
        var expressions = new ExpressionBuilder(options.Values);
        condition = options.Condition is { } c ? expressions.User(c, "condition") : null;
        names = expressions.Names;
        values = expressions.Values;
    }

    public override async Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        var request = new DeleteItemRequest
        {
            TableName = context.Table.Name,
            Key = context.Model.KeyOf(index, context.Table),
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        };
        var response = await context.Client.DeleteItemAsync(request, cancellationToken).ConfigureAwait(false);
        return OperationTally.Single(response.ConsumedCapacity, isWrite: true);
    }
}
