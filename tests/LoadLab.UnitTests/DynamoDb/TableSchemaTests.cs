using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Tables;

namespace LoadLab.UnitTests.DynamoDb;

public sealed class TableSchemaTests
{
    private static readonly TablePlan Plan = new()
    {
        Id = "orders",
        Name = "stg_Orders",
        PartitionKey = new KeyAttribute("pk", "S"),
        SortKey = new KeyAttribute("sk", "N"),
    };

    [Fact]
    public void On_demand_table_is_pay_per_request_with_hash_and_range_keys()
    {
        var request = TableSchema.CreateRequest(Plan);

        Assert.Equal("stg_Orders", request.TableName);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
        Assert.Null(request.ProvisionedThroughput);
        Assert.Equal([("pk", "HASH"), ("sk", "RANGE")], request.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.Equal([("pk", "S"), ("sk", "N")], request.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)));
    }

    [Fact]
    public void Provisioned_table_gets_its_units()
    {
        var request = TableSchema.CreateRequest(Plan with { Capacity = new CapacityPlan(CapacityMode.Provisioned, 200, 100) });

        Assert.Equal(BillingMode.PROVISIONED, request.BillingMode);
        Assert.Equal((200L, 100L), (request.ProvisionedThroughput.ReadCapacityUnits!.Value, request.ProvisionedThroughput.WriteCapacityUnits!.Value));
    }

    [Fact]
    public void Provisioned_table_without_units_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => TableSchema.CreateRequest(Plan with { Capacity = new CapacityPlan(CapacityMode.Provisioned, 0, 5) }));
    }

    [Fact]
    public void Same_key_passes_and_a_different_key_fails_with_both_keys_named()
    {
        var existing = new TableDescription
        {
            TableName = "stg_Orders",
            KeySchema = [new KeySchemaElement("sk", KeyType.RANGE), new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.N)],
        };
        TableSchema.EnsureSameKey(Plan, existing);

        var ex = Assert.Throws<InvalidOperationException>(() => TableSchema.EnsureSameKey(Plan with { SortKey = null }, existing));
        Assert.Contains("already exists with key pk (S), sort sk (N), but the suite declares pk (S)", ex.Message, StringComparison.Ordinal);
    }
}
