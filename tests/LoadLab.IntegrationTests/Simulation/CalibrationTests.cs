using System.Diagnostics;
using System.Globalization;
using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Calibration;
using Xunit.Abstractions;

namespace LoadLab.IntegrationTests.Simulation;

/// <summary>
/// Calibration (issue #16, item 5): the same suite and seed run for real (the SDK through the capacity simulator to
/// the local target it starts, as <c>loadlab run</c> does with no endpoint) and simulated (<c>loadlab simulate</c>) agree per scenario and operation, as
/// <see cref="CalibrationReport"/> judges: units within 2 %, throttled requests within 10 % or 20, the same throttle
/// reasons, the first throttle within 5 s. Durations are scaled down to keep CI short; <c>bench calibrate</c> runs them
/// at full length.
/// </summary>
public sealed class CalibrationTests(ITestOutputHelper log) : IDisposable
{
    private const string Seed = "42";

    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-calibration-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // hot-key's 40 s load becomes 20 s, capacity-compare's 2 × 20 s 2 × 5 s, key-design-compare's 2 × 25 s 2 × 6.25 s.
    // Both sides start their load on a whole second of the simulator's clock, so throttles fall in the same seconds.
    // What still varies between real runs of one seed is the SDK's backoff jitter (not seeded): which retries land in a
    // second with units left. Where calls end throttled after their retries that moves up to 5 % of the write units at
    // these lengths (by-tenant: 10,679 to 11,211 real against 10,678 simulated), more than the 2 % allowed. So CI plays
    // the throttling suites with one attempt per call (a copy with sdk.maxAttempts: 1): admission, prices, reasons and
    // timing are held to the criteria; `bench calibrate` holds the retries too, at full length.
    [Theory]
    [InlineData("hot-key.yaml", 0.5, true)]
    [InlineData("capacity-compare.yaml", 0.25, false)]
    [InlineData("key-design-compare.yaml", 0.25, true)]
    public async Task Ready_suite_simulated_agrees_with_the_real_run(string suite, double scale, bool oneAttempt)
    {
        string path = RepositoryPaths.Scenario(suite);
        if (oneAttempt)
        {
            path = Path.Combine(folder, suite);
            await File.WriteAllTextAsync(path, OneAttempt(await File.ReadAllTextAsync(RepositoryPaths.Scenario(suite))));
        }

        await CalibrateAsync(path, scale);
    }

    /// <summary>The suite with the SDK's retries off, so a call's outcome does not depend on unseeded backoff jitter.</summary>
    private static string OneAttempt(string suite) => suite + "\nsdk: { maxAttempts: 1 }\n";

    /// <summary>
    /// A 10 WCU table written at three times its units: the burst bucket (20 s of units here, 200, so the test stays
    /// short) drains by 20 units a second and runs dry after about 10 s; then the table throttles with
    /// TableWriteProvisionedThroughputExceeded. The simulation starts the bucket full; the real run's bucket has been
    /// through creation, seeding (paced below the units, so it stays full) and the client warm-up. Had those spent
    /// 100 units or more, the first throttle would come 5 s earlier in the real run and the comparison would fail.
    /// </summary>
    [Fact]
    public async Task Burst_depletion_simulated_agrees_with_the_real_run()
    {
        var suite = Path.Combine(folder, "burst-depletion.yaml");
        await File.WriteAllTextAsync(suite, """
            name: burst-depletion
            tables:
              items:
                name: BurstDepletion
                key: { pk: S }
                capacity: { mode: provisioned, read: 100, write: 10 }
            data:
              items: { model: customer, items: 50 }
            scenarios:
              - name: writes
                table: items
                mix: { put: 1 }
                load:
                  - { rate: 30, for: 16s }
            simulator:
              overrides: { burstSeconds: 20s }
            sdk: { maxAttempts: 1 }
            """);

        var rows = await CalibrateAsync(suite, 1);

        var put = Assert.Single(rows);
        Assert.Contains("TableWriteProvisionedThroughputExceeded", put.Real.Reasons);
        Assert.True(put.Real.FirstThrottle >= 7, $"the real run throttled from second {put.Real.FirstThrottle}: its burst was spent before the load");
    }

    private async Task<IReadOnlyList<CalibrationRow>> CalibrateAsync(string suite, double scale)
    {
        string name = Path.GetFileNameWithoutExtension(suite);
        string real = Path.Combine(folder, name, "real");
        string simulated = Path.Combine(folder, name, "simulated");
        string scaleText = scale.ToString(CultureInfo.InvariantCulture);
        var clock = Stopwatch.StartNew();

        var console = new TestConsole();
        int exit = await LoadLabApp.RunAsync(
            ["run", suite, "--seed", Seed, "--duration-scale", scaleText, "--out", real, "--plain"],
            console.Console);
        Assert.True(exit is 0 or 1, console.Output);
        var realSeconds = clock.Elapsed.TotalSeconds;

        var simulation = new TestConsole();
        exit = await LoadLabApp.RunAsync(["simulate", suite, "--seed", Seed, "--duration-scale", scaleText, "--out", simulated, "--plain"], simulation.Console);
        Assert.True(exit is 0 or 1, simulation.Output);

        var rows = CalibrationReport.CompareDirectories(name, real, simulated);
        string table = CalibrationReport.Markdown(rows);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: real {realSeconds:0.0} s, simulated {clock.Elapsed.TotalSeconds - realSeconds:0.0} s"));
        log.WriteLine(table);
        Assert.NotEmpty(rows);
        Assert.True(rows.All(r => r.Agrees), table);
        return rows;
    }
}
