using LoadLab.Capacity.Model;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>Reserve and Release: how a batch is admitted item by item, deducting as it goes (M4).</summary>
public sealed class ReservationTests
{
    private static readonly TableCapacityDefinition FiveWcu = new()
    {
        TableName = "orders",
        Mode = CapacityBillingMode.Provisioned,
        ReadUnits = 5,
        WriteUnits = 5,
    };

    // No burst: the bucket holds exactly one second of the table's units.
    private static ModelHarness Harness()
    {
        var harness = new ModelHarness(new CapacitySettings { BurstSeconds = 0 });
        harness.Model.CreateTable(FiveWcu);
        return harness;
    }

    private static Charge[] Item(int i) => [ModelHarness.Write("orders", 1, (ulong)i, "k" + i)];

    [Fact]
    public void Each_reservation_is_deducted_at_once_so_a_batch_takes_what_the_bucket_holds_and_no_more()
    {
        var harness = Harness();

        var admitted = Enumerable.Range(0, 25).Count(i => harness.Model.Reserve(Item(i)).Admitted);

        Assert.Equal(5, admitted);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        // One second later the bucket is full again rather than 20 units in debt.
        Assert.Equal(5, Enumerable.Range(0, 25).Count(i => harness.Model.Reserve(Item(i)).Admitted));
    }

    [Fact]
    public void Release_gives_the_units_back()
    {
        var harness = Harness();
        var reserved = Enumerable.Range(0, 5).Select(Item).ToList();
        foreach (var item in reserved)
            Assert.True(harness.Model.Reserve(item).Admitted);
        Assert.False(harness.Model.Admit(Item(9)).Admitted);

        harness.Model.Release([.. reserved[0], .. reserved[1]]);

        Assert.Equal(2, Enumerable.Range(10, 5).Count(i => harness.Model.Reserve(Item(i)).Admitted));
    }

    [Fact]
    public void Release_never_fills_a_bucket_above_its_capacity()
    {
        var harness = Harness();
        var first = Item(0);
        Assert.True(harness.Model.Reserve(first).Admitted);
        harness.Time.Advance(TimeSpan.FromSeconds(10)); // refilled to its capacity meanwhile

        harness.Model.Release(first);

        Assert.Equal(5, Enumerable.Range(1, 10).Count(i => harness.Model.Reserve(Item(i)).Admitted));
    }

    [Fact]
    public void Settling_the_actual_and_releasing_the_reservation_records_only_the_actual_consumption()
    {
        var harness = Harness();
        Charge[] estimate = [ModelHarness.Write("orders", 3, 1, "a")];
        Charge[] actual = [ModelHarness.Write("orders", 2, 1, "a")];

        Assert.True(harness.Model.Reserve(estimate).Admitted);
        harness.Model.Settle(actual);
        harness.Model.Release(estimate);

        var table = Assert.Single(harness.Model.Snapshot().Resources);
        Assert.Equal(2, table.ConsumedWriteUnits);
        // 5 - 2 units left: three more 1-unit items fit, the fourth does not (debt mode needs a positive balance).
        Assert.Equal(3, Enumerable.Range(1, 10).Count(i => harness.Model.Reserve(Item(i)).Admitted));
    }
}
