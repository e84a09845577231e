using LoadLab.Capacity.Proxy.Charges;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>The documented examples of docs/capacity-model.md §2, §4 and §5 (read-write-operations.html and the pricing pages).</summary>
public sealed class CostRulesTests
{
    [Theory]
    [InlineData(3500, "Strong", 1)] // 3.5 KB costs what 4 KB costs
    [InlineData(10 * 1024, "Strong", 3)] // 10 KB → 12 KB
    [InlineData(8 * 1024, "Strong", 2)]
    [InlineData(8 * 1024, "Eventual", 1)]
    [InlineData(8 * 1024, "Transactional", 4)]
    [InlineData(0, "Strong", 1)] // a missing item still costs the minimum
    [InlineData(0, "Eventual", 0.5)]
    [InlineData(41779, "Strong", 11)] // Query: 10 items totalling 40.8 KB → 44 KB → 11
    [InlineData(1500 * 64, "Strong", 24)] // 1,500 items of 64 B = 96 KB → 24
    [InlineData(80 * 1024, "Eventual", 10)] // 80 KB EC → 10
    public void Reads(long bytes, string kind, double units)
    {
        Assert.Equal(units, CostRules.Documented.Read(bytes, Enum.Parse<ReadKind>(kind)));
    }

    [Theory]
    [InlineData(3 * 1024, false, 3)]
    [InlineData(3 * 1024, true, 6)]
    [InlineData(500, false, 1)]
    [InlineData(3584, false, 4)]
    [InlineData(0, false, 1)] // no write is free
    public void Writes(long bytes, bool transactional, double units)
    {
        Assert.Equal(units, CostRules.Documented.Write(bytes, transactional));
    }

    [Fact]
    public void The_constants_come_from_the_models_settings()
    {
        var rules = new CostRules(new LoadLab.Capacity.Model.CapacitySettings { ReadBlockBytes = 1024, EventuallyConsistentFactor = 0.25, TransactionFactor = 3 });

        Assert.Equal(2 * 0.25, rules.Read(2048, ReadKind.Eventual));
        Assert.Equal(3, rules.Write(1000, transactional: true));
        Assert.Equal(400 * 1024, rules.ItemMaxBytes);
        Assert.Equal(100, rules.StorageOverheadBytes);
    }

    [Fact]
    public void Batches_round_each_item_separately()
    {
        // BatchGetItem: 1.5 KB + 6.5 KB counts as 4 + 8 KB = 3 RCU (not 8 KB = 2).
        Assert.Equal(3, CostRules.Documented.Read(1536, ReadKind.Strong) + CostRules.Documented.Read(6656, ReadKind.Strong));
        // BatchWriteItem: 500 B + 3.5 KB → 1 + 4 = 5 WCU.
        Assert.Equal(5, CostRules.Documented.Write(500) + CostRules.Documented.Write(3584));
    }
}
