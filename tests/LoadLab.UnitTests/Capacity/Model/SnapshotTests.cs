using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>Metrics (docs/capacity-model.md §18): what the snapshot holds, bounded memory, JSON.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void The_snapshot_states_the_preset_and_overrides_in_force()
    {
        var settings = CapacityPresets.Resolve("optimistic", new Dictionary<string, string> { ["burstSeconds"] = "60" });
        var harness = new ModelHarness(settings);

        var snapshot = harness.Model.Snapshot();

        Assert.Equal("optimistic", snapshot.Preset);
        Assert.Equal("60", snapshot.Overrides["burstSeconds"]);
        Assert.Equal("60", snapshot.Parameters["burstSeconds"]);
        Assert.Equal("2m", snapshot.Parameters["onDemandPeakLag"]);
        Assert.Equal(ModelHarness.Start, snapshot.StartedAt);
    }

    [Fact]
    public void It_serialises_to_camel_case_json_with_readable_enums()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(new TableCapacityDefinition
        {
            TableName = "orders",
            Mode = CapacityBillingMode.Provisioned,
            WriteUnits = 10,
            GlobalIndexes = [new IndexCapacityDefinition { IndexName = "byStatus", WriteUnits = 1 }],
        });
        harness.Run(5, 100, step => [ModelHarness.Write("orders", 1, ModelHarness.Hash(step), "k" + step)]);

        var json = JsonSerializer.Serialize(harness.Model.Snapshot(), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        using var document = JsonDocument.Parse(json);
        var table = document.RootElement.GetProperty("resources")[0];
        Assert.Equal("orders", table.GetProperty("table").GetString());
        Assert.Equal("Provisioned", table.GetProperty("mode").GetString());
        Assert.True(table.GetProperty("throttleEventsByReason").GetProperty("TableWriteProvisionedThroughputExceeded").GetInt64() > 0);
        Assert.Equal(5, table.GetProperty("seconds").GetArrayLength());
        Assert.Equal("byStatus", document.RootElement.GetProperty("resources")[1].GetProperty("index").GetString());
        Assert.False(document.RootElement.GetProperty("resources")[1].GetProperty("seconds")[0].TryGetProperty("throttleEventsByReason", out _));
    }

    [Fact]
    public void Scaling_events_name_their_dimension_in_json()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "orders", Mode = CapacityBillingMode.Provisioned, WriteUnits = 10 });
        Assert.True(harness.Model.UpdateTable(harness.Model.Describe("orders")! with { WriteUnits = 20 }).Accepted);

        var json = JsonSerializer.Serialize(harness.Model.Snapshot(), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Contains("\"kind\":\"update-table\",\"dimension\":\"Write\",\"fromUnits\":10,\"toUnits\":20", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_second_points_stay_bounded_on_long_runs()
    {
        var harness = new ModelHarness(new CapacitySettings { MetricsMaxPoints = 100 });
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "orders", Mode = CapacityBillingMode.Provisioned, WriteUnits = 100 });

        harness.Run(1000, 10, step => [ModelHarness.Write("orders", 5, ModelHarness.Hash(step), "k" + step)]);

        var seconds = harness.Model.Snapshot().Resources.Single().Seconds;
        Assert.InRange(seconds.Count, 50, 101);
        Assert.Equal(1000, seconds.Sum(s => s.DurationSeconds));
        Assert.Equal(50_000, seconds.Sum(s => s.ConsumedWriteUnits));
    }

    [Fact]
    public void Idle_stretches_become_one_point_per_minute_at_most()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "orders" });
        harness.Run(3, 100, step => [ModelHarness.Write("orders", 1, ModelHarness.Hash(step), "k" + step)]);

        harness.Idle(3600 - 3);

        var table = harness.Model.Snapshot().Resources.Single();
        Assert.Equal(3600, table.Seconds.Sum(s => s.DurationSeconds));
        Assert.InRange(table.Seconds.Count, 60, 66);
        Assert.Equal(300, table.ConsumedWriteUnits);
        Assert.Equal(300, table.Hours[0].ConsumedWriteUnits);
    }
}
