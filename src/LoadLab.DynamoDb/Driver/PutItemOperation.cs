using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// <c>put</c>: PutItem of a freshly generated item for the index. The body is the seeded item (same size and shape);
/// only <see cref="ItemAttributes.Version"/> and <see cref="ItemAttributes.UpdatedAt"/> change, like an application save.
/// </summary>
internal sealed class PutItemOperation(IAmazonDynamoDB client, TablePlan table, IDataModel model, long dataSeed, TimeProvider time)
    : DriverOperation
{
    public override bool IsWrite => true;

    public override async Task<ConsumedCapacity?> InvokeAsync(long index, long sequence, CancellationToken cancellationToken)
    {
        var item = model.CreateItem(dataSeed, index, table);
        // Seeded items carry version 1; sequence + 2 is always newer and repeats for the same seed.
        item[ItemAttributes.Version] = new AttributeValue { N = (sequence + 2).ToString(CultureInfo.InvariantCulture) };
        item[ItemAttributes.UpdatedAt] = new AttributeValue
        {
            S = time.GetUtcNow().UtcDateTime.ToString(ItemAttributes.TimestampFormat, CultureInfo.InvariantCulture),
        };
        var request = new PutItemRequest
        {
            TableName = table.Name,
            Item = item,
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        };
        var response = await client.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
        return response.ConsumedCapacity;
    }
}
