using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>Admission rules (docs/capacity-model.md §10) that the worked checks do not cover on their own.</summary>
public sealed class AdmissionTests
{
    private static readonly TableCapacityDefinition Table = new()
    {
        TableName = "orders",
        Mode = CapacityBillingMode.Provisioned,
        ReadUnits = 10,
        WriteUnits = 10,
    };

    [Fact]
    public void An_admission_deducts_nothing_until_settled()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var put = new[] { ModelHarness.Write("orders", 5, 1, "a") };

        Assert.True(harness.Model.Admit(put).Admitted);
        Assert.True(harness.Model.Admit(put).Admitted);
        harness.Model.Settle(put);
        harness.Model.Settle(put);

        Assert.False(harness.Model.Admit(put).Admitted);
    }

    [Fact]
    public void A_refusal_deducts_nothing_and_returns_the_shared_granted_instance_when_admitted()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table);
        var put = new[] { ModelHarness.Write("orders", 5, 1, "a") };

        for (var i = 0; i < 100; i++)
            Assert.False(harness.Model.Admit(put).Admitted);
        harness.Time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Same(Admission.Granted, harness.Model.Admit(put));
    }

    [Fact]
    public void Debt_mode_lets_a_large_read_overshoot_and_then_refuses_until_refilled()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var estimate = new[] { ModelHarness.Read("orders", 1, 7, "q") };

        Assert.True(harness.Model.Admit(estimate).Admitted);
        harness.Model.Settle([ModelHarness.Read("orders", 40, 7, "q")]);

        // 10 tokens − 40 = −30: three seconds of refill before the next read.
        harness.Time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(harness.Model.Admit(estimate).Admitted);
        harness.Time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.True(harness.Model.Admit(estimate).Admitted);
    }

    [Fact]
    public void Exact_mode_needs_the_estimated_cost_in_every_bucket()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold, AdmissionMode = AdmissionMode.Exact });
        harness.Model.CreateTable(Table);
        harness.Time.Advance(TimeSpan.FromSeconds(0.4));

        Assert.False(harness.Model.Admit([ModelHarness.Write("orders", 5, 1, "a")]).Admitted);
        Assert.True(harness.Model.Admit([ModelHarness.Write("orders", 4, 1, "a")]).Admitted);
    }

    [Fact]
    public void Reads_and_writes_throttle_independently()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table with { ReadUnits = 0 });
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        var read = harness.Model.Admit([ModelHarness.Read("orders", 1, 1, "a")]);

        Assert.Equal("TableReadProvisionedThroughputExceeded", Assert.Single(read.Causes).Reason);
        Assert.True(harness.Model.Admit([ModelHarness.Write("orders", 1, 1, "a")]).Admitted);
    }

    [Fact]
    public void Reasons_are_unique_even_when_several_charges_and_buckets_refuse()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table);
        var batch = Enumerable.Range(0, 5).Select(i => ModelHarness.Write("orders", 1, (ulong)i, "k" + i)).ToArray();

        var admission = harness.Model.Admit(batch);

        Assert.False(admission.Admitted);
        Assert.Equal("TableWriteProvisionedThroughputExceeded", Assert.Single(admission.Causes).Reason);
        var table = harness.Model.Snapshot().Resources.Single();
        Assert.Equal(1, table.ThrottledRequests);
        Assert.Equal(5, table.WriteThrottleEvents);
    }

    [Fact]
    public void Charges_for_unknown_tables_and_indexes_are_not_limited()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table);
        harness.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(harness.Model.Admit([ModelHarness.Write("other", 1_000_000, 1, "a")]).Admitted);
        Assert.True(harness.Model.Admit([ModelHarness.Write("orders", 1_000_000, 1, "a", index: "missing"), ModelHarness.Write("orders", 1, 1, "a")]).Admitted);
        Assert.False(harness.Model.Knows("other"));
    }

    [Fact]
    public void Deleting_a_table_stops_limiting_it_and_keeps_its_final_metrics()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table);
        Assert.False(harness.Model.Admit([ModelHarness.Write("orders", 1, 1, "a")]).Admitted);

        harness.Model.DeleteTable("orders");

        Assert.False(harness.Model.Knows("orders"));
        Assert.Null(harness.Model.Describe("orders"));
        Assert.True(harness.Model.Admit([ModelHarness.Write("orders", 1, 1, "a")]).Admitted);
        var retired = Assert.Single(harness.Model.Snapshot().Resources);
        Assert.True(retired.Deleted);
        Assert.Equal(1, retired.ThrottledRequests);
    }

    [Fact]
    public void Concurrent_admissions_and_settlements_keep_the_books_straight()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table with { WriteUnits = 1_000_000 });

        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                var put = new[] { ModelHarness.Write("orders", 1, ModelHarness.Hash(i), "k" + worker + "-" + i) };
                if (harness.Model.Admit(put).Admitted)
                    harness.Model.Settle(put);
            }
        });

        Assert.Equal(80_000, harness.Model.Snapshot().Resources.Single().ConsumedWriteUnits);
    }
}
