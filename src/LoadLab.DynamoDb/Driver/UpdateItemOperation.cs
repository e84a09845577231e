using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// <c>update</c>: UpdateItem of the drawn item: <c>SET</c> for <c>set:</c>, <c>ADD</c> (counter increments) for
/// <c>add:</c>, and without either an increment of <see cref="ItemAttributes.Version"/>, the smallest real write.
/// The whole request but the key is built once; a false condition is a conditionFailed outcome.
/// </summary>
internal sealed class UpdateItemOperation : DriverOperation
{
    private readonly DriverContext context;
    private readonly string update;
    private readonly string? condition;
    private readonly Dictionary<string, string>? names;
    private readonly Dictionary<string, AttributeValue>? values;

    public UpdateItemOperation(DriverContext context, OperationOptions options)
    {
        this.context = context;
        var expressions = new ExpressionBuilder(options.Values);
        var add = options.Add.Count == 0 && options.Set.Count == 0
            ? [new AttributeAssignment(ItemAttributes.Version, ExpressionValue.Number("1"))]
            : options.Add;
        update = (Clause("SET", options.Set, expressions, " = ") + Clause("ADD", add, expressions, " ")).TrimEnd();
        condition = options.Condition is { } c ? expressions.User(c, "condition") : null;
        names = expressions.Names;
        values = expressions.Values;
    }

    public override async Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
        {
            TableName = context.Table.Name,
            Key = context.Model.KeyOf(index, context.Table),
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        };
        var response = await context.Client.UpdateItemAsync(request, cancellationToken).ConfigureAwait(false);
        return OperationTally.Single(response.ConsumedCapacity, isWrite: true);
    }

    private static string Clause(string keyword, IReadOnlyList<AttributeAssignment> assignments, ExpressionBuilder expressions, string separator)
    {
        if (assignments.Count == 0)
            return string.Empty;
        var parts = assignments.Select(a => expressions.Name(a.Attribute) + separator + expressions.Value(AttributeValues.From(a.Value)));
        return keyword + " " + string.Join(", ", parts) + " ";
    }
}
