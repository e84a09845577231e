using LoadLab.UnitTests.Cli.Support;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Cli;

/// <summary><c>loadlab plan</c> on a profile suite: the curve's length, peak, mean and operations, and its price; bad curves exit 2 cleanly.</summary>
public sealed class ProfilePlanTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-profile-plan-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Plan_shows_the_profile_and_prices_its_operations()
    {
        var (exit, output) = await InProcessCli.RunCleanAsync("plan", RepositoryPath("scenarios", "traffic-profile.yaml"));

        Assert.True(exit == 0, output);
        // 4,370 operations: the integral of traffic/diurnal-short.csv, worked out by hand in the test of the ready suite.
        Assert.Contains("profile traffic/diurnal-short.csv over 40s (peak 200/s, mean 109.25/s) │ 4,370", output, StringComparison.Ordinal);
        Assert.Contains("scenario diurnal          │ 4,370", output, StringComparison.Ordinal);
        Assert.Contains("│ 200/s ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duration_scale_shortens_the_curve_in_the_plan()
    {
        var (exit, output) = await InProcessCli.RunCleanAsync("plan", RepositoryPath("scenarios", "traffic-profile.yaml"), "--duration-scale", "0.5");

        Assert.True(exit == 0, output);
        Assert.Contains("profile traffic/diurnal-short.csv over 20s (peak 200/s, mean 109.25/s) │ 2,185", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_curve_exits_2_with_both_positions_and_no_stack_trace()
    {
        File.WriteAllText(Path.Combine(folder, "bad.csv"), "time,rate\n0,10\n5,-3\n");
        var suite = Path.Combine(folder, "suite.yaml");
        File.WriteAllText(suite, """
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            data:
              items: { model: customer, items: 10 }
            scenarios:
              - name: browse
                table: items
                mix: { get: 1 }
                load: [ { profile: { file: bad.csv } } ]
            """);

        var (exit, output) = await InProcessCli.RunCleanAsync("plan", suite);

        Assert.Equal(2, exit);
        Assert.Contains($"{suite}:10:32: load phase 1: profile.file: {Path.Combine(folder, "bad.csv")}:3:3: rate -3 is negative", output, StringComparison.Ordinal);
    }
}
