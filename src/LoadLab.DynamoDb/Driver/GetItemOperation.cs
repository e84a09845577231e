using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.DynamoDb.Driver;

/// <summary><c>get</c>: GetItem of the item's key (eventually consistent, the SDK default).</summary>
internal sealed class GetItemOperation(IAmazonDynamoDB client, TablePlan table, IDataModel model) : DriverOperation
{
    public override bool IsWrite => false;

    public override async Task<ConsumedCapacity?> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        // A new request per call: SDK request objects are mutable and not safe to share between concurrent calls.
        var request = new GetItemRequest
        {
            TableName = table.Name,
            Key = model.KeyOf(index, table),
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        };
        var response = await client.GetItemAsync(request, cancellationToken).ConfigureAwait(false);
        return response.ConsumedCapacity;
    }
}
