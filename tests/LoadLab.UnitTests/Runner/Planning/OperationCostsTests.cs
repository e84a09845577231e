using LoadLab.Runner.Planning;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.UnitTests.Runner.Planning;

// Expected units worked out by hand from docs/capacity-model.md §2–§7 for items of exactly 3,000 bytes:
// a read of one item is 1 unit strongly consistent (3,000 B → 4 KB), a write 3 units (→ 3 KB).
public class OperationCostsTests
{
    private static readonly DataSetEstimate Data = new(Items: 1000, AverageBytes: 3000, AverageReadUnits: 1, AverageWriteUnits: 3, ItemsPerPartition: 10);

    private static readonly TablePlan Table = new()
    {
        Id = "t",
        Name = "local_t",
        PartitionKey = new("pk", "S"),
        SortKey = new("sk", "S"),
        Indexes =
        [
            new IndexPlan { Name = "byStatus", PartitionKey = new("status", "S") },
            new IndexPlan { Name = "byDate", Kind = IndexKind.Local, PartitionKey = new("pk", "S"), SortKey = new("createdAt", "S") },
        ],
    };

    [Theory]
    [InlineData("get", false, null, 0.5, 0)]
    [InlineData("get", true, null, 1, 0)]
    [InlineData("put", false, null, 0, 3)]
    [InlineData("update", false, null, 0, 3)]
    [InlineData("delete", false, null, 0, 3)]
    [InlineData("batchGet", false, null, 12.5, 0)] // 25 items × 1 × 0.5
    [InlineData("batchGet", true, 10, 10, 0)]
    [InlineData("batchWrite", false, null, 0, 75)] // 25 × 3
    [InlineData("batchWrite", false, 5, 0, 15)]
    [InlineData("transactGet", false, null, 8, 0)] // 4 × 1 × 2
    [InlineData("transactWrite", false, 2, 0, 12)] // 2 × 3 × 2
    public void Item_operations_cost_their_items_rounded_per_item(string operation, bool consistent, int? batchSize, double reads, double writes)
    {
        var cost = OperationCosts.Of(Op(operation, new OperationOptions { ConsistentRead = consistent, BatchSize = batchSize }), Data, Table);

        Assert.Equal(new UnitCost(reads, writes), cost);
    }

    [Fact]
    public void A_query_of_all_pages_rounds_each_page_once()
    {
        // 10 items × 3,000 B = 30,000 B → 8 × 4 KB → 4 units eventually consistent.
        Assert.Equal(4, OperationCosts.Of(Op("query", OperationOptions.None), Data, Table).ReadUnits);
        // Pages of 4, 4 and 2 items: 12,000 B → 3, 12,000 B → 3, 6,000 B → 2; 8 × 0.5.
        Assert.Equal(4, OperationCosts.Of(Op("query", new OperationOptions { Limit = 4 }), Data, Table).ReadUnits);
        // Only the first page of 4: 3 blocks, strongly consistent.
        Assert.Equal(3, OperationCosts.Of(Op("query", new OperationOptions { Limit = 4, Pages = PageMode.First, ConsistentRead = true }), Data, Table).ReadUnits);
    }

    [Fact]
    public void A_sharded_partition_key_is_queried_once_per_shard()
    {
        var sharded = Data with { PartitionShards = 3 };

        Assert.Equal(12, OperationCosts.Of(Op("query", OperationOptions.None), sharded, Table).ReadUnits);
    }

    [Fact]
    public void A_global_index_is_read_eventually_consistent_on_its_own_capacity_and_a_local_one_on_the_table()
    {
        var data = Data with { ItemsPerIndexPartition = new Dictionary<string, double> { ["byStatus"] = 20, ["byDate"] = 10 } };

        // 20 × 3,000 = 60,000 B → 15 blocks → 7.5 even though a strong read was asked for.
        Assert.Equal(new UnitCost(7.5, 0, "byStatus"), OperationCosts.Of(Op("query", new OperationOptions { Index = "byStatus", ConsistentRead = true }), data, Table));
        Assert.Equal(new UnitCost(8, 0), OperationCosts.Of(Op("query", new OperationOptions { Index = "byDate", ConsistentRead = true }), data, Table));
    }

    [Fact]
    public void A_scan_reads_pages_of_every_segment()
    {
        // First page of each of 2 segments, 100 items each: 300,000 B → 74 blocks → 37 per segment.
        Assert.Equal(74, OperationCosts.Of(Op("scan", new OperationOptions { Segments = 2, Limit = 100 }), Data, Table).ReadUnits);
        // All 1,000 items, 1 MB pages of 349 items: 256 + 256 + 222 blocks (302 items) = 734 → 367.
        Assert.Equal(367, OperationCosts.Of(Op("scan", new OperationOptions { Pages = PageMode.All }), Data, Table).ReadUnits);
    }

    [Fact]
    public void Default_batch_sizes_are_the_drivers()
    {
        Assert.Equal(BatchGetOperation.DefaultSize, OperationCosts.BatchGetSize);
        Assert.Equal(BatchWriteOperation.DefaultSize, OperationCosts.BatchWriteSize);
        Assert.Equal(TransactGetOperation.DefaultSize, OperationCosts.TransactGetSize);
        Assert.Equal(TransactWriteOperation.DefaultSize, OperationCosts.TransactWriteSize);
    }

    private static OperationWeight Op(string operation, OperationOptions options) => new(OperationKinds.Parse(operation), 1) { Options = options };
}
