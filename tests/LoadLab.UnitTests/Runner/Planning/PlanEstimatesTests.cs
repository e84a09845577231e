using LoadLab.Cli;
using LoadLab.Runner.Planning;
using LoadLab.UnitTests.Runner.Suites;
using Spectre.Console;

namespace LoadLab.UnitTests.Runner.Planning;

// Items of a known size (padded to 3,000 B) through the real loader, model and sampler.
public class PlanEstimatesTests
{
    private const string Suite = """
        name: s
        tables:
          t:
            name: Sized
            key: { pk: S }
            capacity: { mode: provisioned, read: 100, write: 100 }
            indexes: { byStatus: { pk: status } }
        data:
          t:
            model: { fields: { id: index, status: "pick(A,B,C,D)" } }
            items: 2000
            pk: "ID#{id}"
            size: 3000B
        scenarios:
          - name: reads
            table: t
            mix: { get: 3, put: 1, transactGet: 1 }
            load: [ { rate: 200, for: 10s } ]
        """;

    [Fact]
    public void Data_to_seed_is_the_sampled_item_size_times_the_item_count()
    {
        var estimate = PlanEstimates.For(SuiteParsing.Parse(Suite)).DataSets["t"];

        Assert.Equal(3000, estimate.AverageBytes);
        Assert.Equal(2000 * 3000, estimate.TotalBytes);
        Assert.Equal(1, estimate.AverageReadUnits);
        Assert.Equal(3, estimate.AverageWriteUnits);
        Assert.Equal(1, estimate.ItemsPerPartition);
        // Four statuses over 2,000 items: about 500 items per index partition.
        Assert.Equal(500, estimate.ItemsPerIndexPartition["byStatus"], 500 * 0.05);
    }

    [Fact]
    public void Seeding_time_is_paced_below_the_slowest_of_the_table_and_its_global_indexes()
    {
        var seeding = PlanEstimates.For(SuiteParsing.Parse(Suite)).Seeding["t"];
        var starved = PlanEstimates.For(SuiteParsing.Parse(Suite.Replace(
            "indexes: { byStatus: { pk: status } }", "indexes: { byStatus: { pk: status, capacity: { read: 5, write: 5 } } }", StringComparison.Ordinal))).Seeding["t"];

        // 3 WCU per item on the table and on the index (ALL projection), at 90 % of their capacity.
        Assert.Equal(2000 * 3 / 90.0, seeding.Seconds, 0.1);
        Assert.Equal("the table (100 WCU)", seeding.Limit);
        Assert.Equal(2000 * 3 / 4.5, starved.Seconds, 0.1);
        Assert.Equal("about 22m13.3s, paced below index byStatus (5 WCU)", starved.Describe());
    }

    [Fact]
    public void Transactions_run_on_the_local_target_since_its_simulator_carries_them_out()
    {
        var local = PlanEstimates.For(SuiteParsing.Parse(Suite));
        var dev = PlanEstimates.For(SuiteParsing.Parse(Suite.Replace("name: s\n", "name: s\nenvironment: dev\n", StringComparison.Ordinal)));

        Assert.Empty(local.TargetWarnings);
        Assert.Empty(dev.TargetWarnings);
    }

    [Fact]
    public async Task Plan_prints_sizes_units_per_second_and_the_warnings()
    {
        string path = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Suite);
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        try
        {
            int exit = await LoadLabApp.RunAsync(["plan", path], console);
            string text = writer.ToString();

            Assert.True(exit == 0, text);
            Assert.Contains("2.9 KB", text, StringComparison.Ordinal); // 3,000 B
            Assert.Contains("5.7 MB", text, StringComparison.Ordinal); // 6,000,000 B
            // Per operation: reads 3/5 × 0.5 + 1/5 × 4 × 1 × 2 = 1.9, writes 1/5 × 3 = 0.6; at 200/s: 380 and 120.
            Assert.Contains("1.9 R, 0.6 W", text, StringComparison.Ordinal);
            Assert.Contains("380.0", text, StringComparison.Ordinal);
            Assert.Contains("120.0", text, StringComparison.Ordinal);
            Assert.Contains("380.0 read units/s on table local_Sized, more than its 100 provisioned RCU", text, StringComparison.Ordinal);
            Assert.Contains("120.0 write units/s", text, StringComparison.Ordinal);
            Assert.DoesNotContain("not supported", text, StringComparison.Ordinal);
            // 2,000 items of 3 WCU on the table and on its index, each at 90 % of 100 WCU.
            Assert.Contains("about 1m6.7s, paced below the table (100 WCU)", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
