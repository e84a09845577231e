using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary><c>get</c>: GetItem of the item's key, eventually consistent unless <c>consistent: true</c>, optionally projected.</summary>
internal sealed class GetItemOperation : DriverOperation
{
    private readonly DriverContext context;
    private readonly bool? consistent;
    private readonly string? projection;
    private readonly Dictionary<string, string>? names;

    public GetItemOperation(DriverContext context, OperationOptions options)
    {
        this.context = context;
        // Left unset when false, so the request is byte for byte what an application sends by default.
        consistent = options.ConsistentRead ? true : null;
        var expressions = new ExpressionBuilder();
        projection = expressions.Projection(options.Projection);
        names = expressions.Names;
    }

    public override async Task<OperationTally> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        // A new request per call: SDK request objects are mutable and not safe to share between concurrent calls.
        // The names map is only read while marshalling, so one instance serves every call.
        var request = new GetItemRequest
        {
            TableName = context.Table.Name,
            Key = context.Model.KeyOf(index, context.Table),
            ConsistentRead = consistent,
            ProjectionExpression = projection,
            ExpressionAttributeNames = names,
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        };
        var response = await context.Client.GetItemAsync(request, cancellationToken).ConfigureAwait(false);
        return OperationTally.Single(response.ConsumedCapacity, isWrite: false);
    }
}
