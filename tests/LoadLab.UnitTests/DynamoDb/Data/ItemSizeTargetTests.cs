using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

public sealed class ItemSizeTargetTests
{
    [Theory]
    [InlineData("order", 2048)]
    [InlineData("customer", 1000)]
    [InlineData("iot-reading", 400 * 1024)]
    public void A_target_makes_every_item_exactly_that_size(string model, long target)
    {
        var data = DataModels.For(Tables.Data(model) with { Size = ItemSizePlan.Target(target) });

        for (int i = 0; i < 50; i++)
            Assert.Equal(target, ItemSize.Of(data.CreateItem(42, i, Tables.Composite)));
    }

    [Fact]
    public void Items_already_larger_than_the_target_are_left_alone()
    {
        var plain = DataModels.For(Tables.Data("order")).CreateItem(42, 1, Tables.Composite);
        var padded = DataModels.For(Tables.Data("order") with { Size = ItemSizePlan.Target(10) }).CreateItem(42, 1, Tables.Composite);

        Assert.Equal(ItemDump.Of(plain), ItemDump.Of(padded));
    }

    [Fact]
    public void Uniform_sizes_cover_the_range_deterministically_per_index()
    {
        var data = DataModels.For(Tables.Data("customer") with { Size = new ItemSizePlan(500, 4096) { Attribute = "blob" } });

        var sizes = Enumerable.Range(0, 2000).Select(i => ItemSize.Of(data.CreateItem(42, i, Tables.Composite))).ToList();

        Assert.All(sizes, s => Assert.InRange(s, 500, 4096));
        Assert.InRange(sizes.Average(), 2100, 2500);
        Assert.True(sizes.Count(s => s < 1000) > 200, "the low end is reached");
        Assert.True(sizes.Count(s => s > 3600) > 200, "the high end is reached");
        Assert.Equal(sizes[17], ItemSize.Of(data.CreateItem(42, 17, Tables.Composite)));
        Assert.True(data.CreateItem(42, 3, Tables.Composite).ContainsKey("blob"));
    }

    [Fact]
    public void Normal_sizes_gather_around_the_middle()
    {
        var data = DataModels.For(Tables.Data("customer") with { Size = new ItemSizePlan(1000, 7000, SizeDistribution.Normal) });

        var sizes = Enumerable.Range(0, 3000).Select(i => (double)ItemSize.Of(data.CreateItem(42, i, Tables.Composite))).ToList();
        double mean = sizes.Average();
        double sd = Math.Sqrt(sizes.Average(s => (s - mean) * (s - mean)));

        Assert.All(sizes, s => Assert.InRange(s, 1000, 7000));
        Assert.InRange(mean, 3850, 4150);
        Assert.InRange(sd, 850, 1150);
    }

    [Fact]
    public void Sizes_outside_dynamodb_limits_are_refused()
    {
        Assert.Throws<ArgumentException>(() => DataModels.For(Tables.Data("order") with { Size = ItemSizePlan.Target(400 * 1024 + 1) }));
        Assert.Throws<ArgumentException>(() => DataModels.For(Tables.Data("order") with { Size = new ItemSizePlan(5000, 100) }));
    }
}
