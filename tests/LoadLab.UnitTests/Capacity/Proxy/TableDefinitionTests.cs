using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Tables;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>Capacity settings read from CreateTable/TableDescription and changed by UpdateTable.</summary>
public sealed class TableDefinitionTests
{
    private static readonly TableCapacityDefinition Provisioned = new()
    {
        TableName = "Orders",
        Mode = CapacityBillingMode.Provisioned,
        ReadUnits = 100,
        WriteUnits = 50,
        WriteScaling = new AutoScalingPolicy(0.7, 10, 500),
        GlobalIndexes = [new IndexCapacityDefinition { IndexName = "byStatus", ReadUnits = 10, WriteUnits = 5 }],
    };

    [Fact]
    public void CreateTable_on_demand_reads_maximums_warm_throughput_and_indexes()
    {
        var definition = CapacityDefinitionReader.Read(Parse("""
            {"TableName":"Orders","BillingMode":"PAY_PER_REQUEST","OnDemandThroughput":{"MaxReadRequestUnits":-1,"MaxWriteRequestUnits":500},
             "WarmThroughput":{"ReadUnitsPerSecond":15000,"WriteUnitsPerSecond":5000},
             "GlobalSecondaryIndexes":[{"IndexName":"byStatus","OnDemandThroughput":{"MaxReadRequestUnits":100}}],
             "LocalSecondaryIndexes":[{"IndexName":"byDate"}]}
            """));

        Assert.Equal(CapacityBillingMode.OnDemand, definition.Mode);
        Assert.Null(definition.MaxReadRequestUnits); // -1 means no maximum
        Assert.Equal(500, definition.MaxWriteRequestUnits);
        Assert.Equal((15000d, 5000d), (definition.WarmReadUnitsPerSecond, definition.WarmWriteUnitsPerSecond));
        Assert.Equal(100, Assert.Single(definition.GlobalIndexes).MaxReadRequestUnits);
        Assert.True(definition.HasLocalIndexes);
    }

    [Fact]
    public void A_description_without_billing_mode_is_provisioned()
    {
        var definition = CapacityDefinitionReader.Read(Parse("""{"TableName":"T","ProvisionedThroughput":{"ReadCapacityUnits":7,"WriteCapacityUnits":3}}"""));

        Assert.Equal((CapacityBillingMode.Provisioned, 7d, 3d), (definition.Mode, definition.ReadUnits, definition.WriteUnits));
    }

    [Fact]
    public void UpdateTable_changes_units_and_index_updates_and_keeps_auto_scaling()
    {
        var merged = UpdateTableMerger.Merge(Provisioned, Parse("""
            {"TableName":"Orders","ProvisionedThroughput":{"ReadCapacityUnits":200,"WriteCapacityUnits":80},
             "GlobalSecondaryIndexUpdates":[
               {"Update":{"IndexName":"byStatus","ProvisionedThroughput":{"ReadCapacityUnits":20,"WriteCapacityUnits":9}}},
               {"Create":{"IndexName":"byDate","KeySchema":[],"Projection":{"ProjectionType":"ALL"},"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":2}}}]}
            """));

        Assert.Equal((200d, 80d), (merged.ReadUnits, merged.WriteUnits));
        Assert.Equal(Provisioned.WriteScaling, merged.WriteScaling);
        Assert.Equal(["byStatus", "byDate"], merged.GlobalIndexes.Select(i => i.IndexName));
        Assert.Equal(9, merged.GlobalIndexes[0].WriteUnits);
        Assert.Equal(2, merged.GlobalIndexes[1].WriteUnits);
    }

    [Fact]
    public void Switching_to_on_demand_zeroes_provisioned_units_and_deleting_an_index_removes_it()
    {
        var merged = UpdateTableMerger.Merge(Provisioned, Parse("""
            {"TableName":"Orders","BillingMode":"PAY_PER_REQUEST","OnDemandThroughput":{"MaxWriteRequestUnits":300},
             "GlobalSecondaryIndexUpdates":[{"Delete":{"IndexName":"byStatus"}}]}
            """));

        Assert.Equal(CapacityBillingMode.OnDemand, merged.Mode);
        Assert.Equal((0d, 0d), (merged.ReadUnits, merged.WriteUnits));
        Assert.Equal(300, merged.MaxWriteRequestUnits);
        Assert.Empty(merged.GlobalIndexes);
    }

    [Fact]
    public void The_schema_reader_knows_keys_and_projections()
    {
        var table = TableSchemaReader.Read(Parse("""
            {"TableName":"Orders","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
             "GlobalSecondaryIndexes":[{"IndexName":"g","KeySchema":[{"AttributeName":"status","KeyType":"HASH"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["total"]}}],
             "LocalSecondaryIndexes":[{"IndexName":"l","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"at","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}]}
            """))!;

        Assert.Equal(("pk", "sk"), (table.HashKey, table.RangeKey));
        var global = table.FindIndex("g")!;
        Assert.True(global.IsGlobal);
        Assert.True(global.Projects(table, "total"));
        Assert.True(global.Projects(table, "sk"));
        Assert.False(global.Projects(table, "payload"));
        var local = table.FindIndex("l")!;
        Assert.False(local.IsGlobal);
        Assert.Equal(1, local.Ordinal);
        Assert.False(local.Projects(table, "total"));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
