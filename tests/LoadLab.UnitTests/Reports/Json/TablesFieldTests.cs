using System.Text.Json.Nodes;
using LoadLab.Core.Results;
using LoadLab.Reports.Json;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports.Json;

/// <summary>results.json's tables[] and run.accountId: additive, round-tripped, absent from older files.</summary>
public sealed class TablesFieldTests
{
    private static readonly TableState Before = new("ACTIVE", "PROVISIONED", 200, 100, null, null, 0, 0, 12000, 4000, ["byStatus"]);

    private static RunResult WithTables() => SyntheticRuns.Run with
    {
        Tables = [new TableReport("stg_Orders_v2", Created: true, Kept: false, Before, Before with { ItemCount = 5000, SizeBytes = 1_250_000 }, Deleted: true)],
    };

    [Fact]
    public void Tables_round_trip_through_results_json()
    {
        var read = ResultsJson.Parse(ResultsJson.Serialize(WithTables()), "results.json");
        var table = Assert.Single(read.Tables);
        Assert.Equal("stg_Orders_v2", table.Name);
        Assert.True(table.Created);
        Assert.True(table.Deleted);
        Assert.Equal(Before.ReadUnits, table.Before!.ReadUnits);
        Assert.Equal(5000, table.After!.ItemCount);
        Assert.Equal(1_250_000, table.After.SizeBytes);
        Assert.Equal(12000, table.After.WarmReadUnits);
        Assert.Equal(["byStatus"], table.After.Indexes);
    }

    [Fact]
    public void Files_written_before_the_field_existed_still_read()
    {
        var json = JsonNode.Parse(ResultsJson.Serialize(WithTables()))!.AsObject();
        Assert.True(json.Remove("tables"));
        var read = ResultsJson.Parse(json.ToJsonString(), "old-results.json");
        Assert.Empty(read.Tables);
    }

    [Fact]
    public void The_account_id_is_absent_unless_shown()
    {
        var hidden = JsonNode.Parse(ResultsJson.Serialize(SyntheticRuns.Run))!["run"]!.AsObject();
        Assert.False(hidden.ContainsKey("accountId"));

        var shown = SyntheticRuns.Run with { Run = SyntheticRuns.Run.Run with { AccountId = "123456789012" } };
        Assert.Equal("123456789012", ResultsJson.Parse(ResultsJson.Serialize(shown), "r.json").Run.AccountId);
    }
}
