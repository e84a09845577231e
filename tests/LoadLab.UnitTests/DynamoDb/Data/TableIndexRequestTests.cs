using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Tables;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

/// <summary>CreateTable requests with indexes and capacity options, and the comparison with an existing table.</summary>
public sealed class TableIndexRequestTests
{
    private static readonly TablePlan Orders = new()
    {
        Id = "orders",
        Name = "local_Orders",
        PartitionKey = new KeyAttribute("pk", "S"),
        SortKey = new KeyAttribute("sk", "S"),
        Indexes =
        [
            new IndexPlan { Name = "byStatus", PartitionKey = new KeyAttribute("status", "S"), SortKey = new KeyAttribute("createdAt", "S") },
            new IndexPlan { Name = "byTotal", Kind = IndexKind.Local, PartitionKey = new KeyAttribute("pk", "S"), SortKey = new KeyAttribute("total", "N"), Projection = ProjectionKind.KeysOnly },
            new IndexPlan { Name = "byDay", PartitionKey = new KeyAttribute("gsi1pk", "S"), SortKey = new KeyAttribute("createdAt", "S"), Projection = ProjectionKind.Include, NonKeyAttributes = ["total", "status"] },
        ],
    };

    [Fact]
    public void Indexes_become_gsis_and_lsis_with_one_typed_definition_per_key_attribute()
    {
        var request = TableSchema.CreateRequest(Orders);

        Assert.Equal(
            [("pk", "S"), ("sk", "S"), ("status", "S"), ("createdAt", "S"), ("total", "N"), ("gsi1pk", "S")],
            request.AttributeDefinitions.Select(d => (d.AttributeName, d.AttributeType.Value)));
        Assert.Equal(["byStatus", "byDay"], request.GlobalSecondaryIndexes.Select(g => g.IndexName));
        var byStatus = request.GlobalSecondaryIndexes[0];
        Assert.Equal([("status", "HASH"), ("createdAt", "RANGE")], byStatus.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.Equal(ProjectionType.ALL, byStatus.Projection.ProjectionType);
        Assert.Null(byStatus.ProvisionedThroughput);
        var byDay = request.GlobalSecondaryIndexes[1];
        Assert.Equal(ProjectionType.INCLUDE, byDay.Projection.ProjectionType);
        Assert.Equal(["total", "status"], byDay.Projection.NonKeyAttributes);
        var byTotal = Assert.Single(request.LocalSecondaryIndexes);
        Assert.Equal([("pk", "HASH"), ("total", "RANGE")], byTotal.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)));
        Assert.Equal(ProjectionType.KEYS_ONLY, byTotal.Projection.ProjectionType);
    }

    [Fact]
    public void A_table_without_indexes_sends_no_index_lists()
    {
        var request = TableSchema.CreateRequest(Orders with { Indexes = [] });

        // Empty lists are what the SDK leaves when AWSConfigs.InitializeCollections is on; it does not send them.
        Assert.True(request.GlobalSecondaryIndexes is null or { Count: 0 });
        Assert.True(request.LocalSecondaryIndexes is null or { Count: 0 });
        Assert.Null(request.OnDemandThroughput);
        Assert.Null(request.WarmThroughput);
    }

    [Fact]
    public void Global_indexes_of_a_provisioned_table_get_their_own_units_or_the_tables()
    {
        var plan = Orders with
        {
            Capacity = new CapacityPlan(CapacityMode.Provisioned, 100, 50),
            Indexes = [Orders.Indexes[0] with { Capacity = new CapacityPlan(CapacityMode.Provisioned, 20, 10) }, Orders.Indexes[2]],
        };

        var request = TableSchema.CreateRequest(plan);

        Assert.Equal((20L, 10L), Units(request.GlobalSecondaryIndexes[0].ProvisionedThroughput));
        Assert.Equal((100L, 50L), Units(request.GlobalSecondaryIndexes[1].ProvisionedThroughput));
    }

    [Fact]
    public void On_demand_maximums_and_warm_throughput_go_into_the_request()
    {
        var plan = Orders with
        {
            Capacity = CapacityPlan.OnDemand with { MaxReadUnits = 1000, MaxWriteUnits = 500 },
            Warm = new WarmThroughputPlan(12000, 4000),
            Indexes = [Orders.Indexes[0] with { Capacity = new CapacityPlan(CapacityMode.OnDemand) { MaxWriteUnits = 200 } }],
        };

        var request = TableSchema.CreateRequest(plan);

        Assert.Equal(BillingMode.PAY_PER_REQUEST, request.BillingMode);
        Assert.Equal((1000L, 500L), (request.OnDemandThroughput.MaxReadRequestUnits!.Value, request.OnDemandThroughput.MaxWriteRequestUnits!.Value));
        Assert.Equal((12000L, 4000L), (request.WarmThroughput.ReadUnitsPerSecond!.Value, request.WarmThroughput.WriteUnitsPerSecond!.Value));
        Assert.Null(request.GlobalSecondaryIndexes[0].OnDemandThroughput.MaxReadRequestUnits);
        Assert.Equal(200, request.GlobalSecondaryIndexes[0].OnDemandThroughput.MaxWriteRequestUnits);
    }

    [Fact]
    public void One_attribute_with_two_types_is_refused()
    {
        var plan = Orders with { Indexes = [.. Orders.Indexes, new IndexPlan { Name = "byCreated", PartitionKey = new KeyAttribute("createdAt", "N") }] };

        var ex = Assert.Throws<ArgumentException>(() => TableSchema.CreateRequest(plan));
        Assert.Contains("'createdAt' is declared both S and N", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_table_with_the_planned_indexes_passes_and_other_indexes_are_named()
    {
        var request = TableSchema.CreateRequest(Orders);
        var existing = new TableDescription
        {
            TableName = Orders.Name,
            AttributeDefinitions = request.AttributeDefinitions,
            KeySchema = request.KeySchema,
            GlobalSecondaryIndexes = [.. request.GlobalSecondaryIndexes.Select(g => new GlobalSecondaryIndexDescription { IndexName = g.IndexName, KeySchema = g.KeySchema, Projection = g.Projection })],
            LocalSecondaryIndexes = [.. request.LocalSecondaryIndexes.Select(l => new LocalSecondaryIndexDescription { IndexName = l.IndexName, KeySchema = l.KeySchema, Projection = l.Projection })],
        };
        TableSchema.EnsureSameIndexes(Orders, existing);

        var changed = Orders with
        {
            Indexes = [Orders.Indexes[0] with { Projection = ProjectionKind.KeysOnly }, Orders.Indexes[1], new IndexPlan { Name = "byCustomer", PartitionKey = new KeyAttribute("customerId", "N") }],
        };
        var ex = Assert.Throws<InvalidOperationException>(() => TableSchema.EnsureSameIndexes(changed, existing));

        Assert.Contains("index 'byStatus' is global, key status (S), sort createdAt (S), projection ALL, but the suite declares global, key status (S), sort createdAt (S), projection KEYS_ONLY", ex.Message, StringComparison.Ordinal);
        Assert.Contains("index 'byCustomer' (global, key customerId (N), projection ALL) is missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("index 'byDay' (global, key gsi1pk (S), sort createdAt (S), projection INCLUDE [status, total]) is not in the suite", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not change the indexes of an existing table", ex.Message, StringComparison.Ordinal);
    }

    private static (long, long) Units(ProvisionedThroughput throughput) => (throughput.ReadCapacityUnits!.Value, throughput.WriteCapacityUnits!.Value);
}
