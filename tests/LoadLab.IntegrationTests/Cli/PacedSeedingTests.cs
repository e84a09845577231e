using System.Globalization;
using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// Seeding into a provisioned table whose global index has only 5 WCU, with burst off, through the real CLI and the
/// capacity simulator: the seeder reads the capacity, paces itself below it and writes every item, where it used to
/// give up after ten attempts. The pace is checked on the simulator's own timeline of consumed units (model time),
/// not on the test's clock.
/// </summary>
public sealed class PacedSeedingTests : IDisposable
{
    private const string Suite = """
        name: paced-seeding
        tables:
          items:
            name: PacedSeeding
            key: { pk: S }
            capacity: { mode: provisioned, read: 50, write: 100 }
            indexes:
              byTier: { pk: tier, projection: KEYS_ONLY, capacity: { read: 5, write: 5 } }
        data:
          items: { model: customer, items: 150 }
        scenarios:
          # Reads only: after the seeding nothing else writes to the index.
          - { name: browse, table: items, mix: { get: 1 }, load: [ { rate: 5, for: 1s } ] }
        simulator:
          overrides: { burstSeconds: 0 }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-paced-seeding-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Seeding_150_items_into_an_index_with_5_WCU_and_no_burst_completes_paced_below_its_capacity()
    {
        var suite = Path.Combine(folder, "paced.yaml");
        await File.WriteAllTextAsync(suite, Suite);
        var output = Path.Combine(folder, "out");
        var console = new TestConsole();

        int exit = await LoadLabApp.RunAsync(["run", suite, "--out", output, "--plain"], console.Console);

        string log = console.Output;
        Assert.True(exit == 0, log);
        var result = ResultsJson.Read(Path.Combine(output, ResultsJson.FileName));
        Assert.Equal(150, Assert.Single(result.Seeding).Items);
        // The plan was announced, and the progress lines said how long was left.
        Assert.Contains("paced below index byTier (5 WCU)", log, StringComparison.Ordinal);
        Assert.Contains("ETA ", log, StringComparison.Ordinal);

        // Seeding is outside the measured window: the simulator reports it as the index's seeding phase.
        var seeding = Assert.Single(result.Simulator!.Seeding, p => p.Table == "local_PacedSeeding" && p.Index == "byTier" && p.Phase == "seeding");
        Assert.Equal(150, seeding.ConsumedWriteUnits, 0.001);
        // In the model's time the phase lasts at least 25 s: 150 units at 5 WCU cannot go faster than 29 s without
        // throttling, and the seeder keeps to 90 % of it (unpaced, 150 items take well under a second).
        Assert.True(seeding.Seconds >= 25, string.Create(CultureInfo.InvariantCulture, $"the index's seeding phase lasted {seeding.Seconds} s"));
        Assert.True(150 / seeding.Seconds <= 5, string.Create(CultureInfo.InvariantCulture, $"{150 / seeding.Seconds:0.##} WCU on average"));
        // Paced, not pushed: the index hardly ever refused a write (a late request can meet a bucket not yet refilled).
        Assert.True(seeding.ThrottledRequests <= 10, $"{seeding.ThrottledRequests} writes throttled on the index");
    }
}
