using System.Globalization;
using LoadLab.Cli;
using LoadLab.Core.Plans;
using LoadLab.Core.Scheduling;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;
using LoadLab.Runner.Suites;
using Xunit.Abstractions;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// The ready traffic-profile suite through <c>loadlab run</c> against the real local target: the operations started
/// each second follow the curve and results.json names the one profile phase. The bounds are on counts, never on
/// wall-clock time, and loose enough for a shared 2-core machine.
/// </summary>
[Collection("local-target")]
public sealed class ProfileRunTests(LocalTargetFixture target, ITestOutputHelper log) : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("loadlab-profile-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    // The 40 s curve compressed to 10 s; its rates (20 to 200 per second) are kept.
    private const double Scale = 0.25;

    [Fact]
    public async Task The_achieved_rate_follows_the_curve_and_results_name_the_profile_phase()
    {
        string path = RepositoryPaths.Scenario("traffic-profile.yaml");
        var plan = SuiteLoader.Load(path, new SuiteLoadOptions { RunId = "expected", DurationScale = Scale });
        var profile = Assert.IsType<ProfilePhase>(Assert.Single(plan.Scenarios[0].Phases));
        var schedule = new ArrivalSchedule(plan.Scenarios[0].Phases);
        var console = new TestConsole();

        int exit = await LoadLabApp.RunAsync(
            ["run", path, "--duration-scale", Scale.ToString(CultureInfo.InvariantCulture), "--endpoint", target.Endpoint.ToString(), "--out", output, "--plain"],
            console.Console);

        Assert.True(exit == 0, console.Output);
        var result = ResultsJson.Read(Path.Combine(output, ResultsJson.FileName));
        var scenario = Assert.Single(result.Scenarios);
        Assert.Equal([profile.Describe()], scenario.Phases);
        Assert.StartsWith("profile traffic/diurnal-short.csv over 10s (peak 200/s", scenario.Phases[0], StringComparison.Ordinal);
        // Every arrival of the curve was scheduled and completed (on demand, under the local target's ceiling).
        Assert.Equal(schedule.ArrivalCount, scenario.Scheduled);
        Assert.Equal(schedule.ArrivalCount, scenario.Operations.Sum(o => o.Completed));
        Assert.Equal(0, scenario.Dropped);

        // Whole seconds of the curve: target (the curve's integral over the second) against started.
        var seconds = scenario.Series.Where(p => p.Length > 0.999 && p.Start < schedule.TotalSeconds - 0.5).ToList();
        Assert.True(seconds.Count >= 9, $"{seconds.Count} whole seconds in the series");
        foreach (var p in seconds)
        {
            log.WriteLine(FormattableString.Invariant($"{p.Start,5:0.0} s  target {p.TargetOps,6:0.0}  started {p.Started,4}"));
            Assert.Equal(schedule.ArrivalsBy(p.Start + p.Length) - schedule.ArrivalsBy(p.Start), p.TargetOps, 3);
        }
        // Following the curve: the started counts rise and fall with the target (correlation), the cumulative count
        // stays near the cumulative target (late starts move into the next second, they do not vanish), and the
        // busiest second of the curve starts clearly more than its quietest.
        double correlation = Correlation(seconds.Select(p => p.TargetOps).ToArray(), seconds.Select(p => (double)p.Started).ToArray());
        Assert.True(correlation > 0.8, FormattableString.Invariant($"correlation of started with target per second: {correlation:0.000}"));
        double cumulativeTarget = 0, cumulativeStarted = 0;
        foreach (var p in seconds)
        {
            cumulativeTarget += p.TargetOps;
            cumulativeStarted += p.Started;
            // Above the target only by where a second's boundary fell: intervals close on a timer that a busy machine delays.
            Assert.InRange(cumulativeStarted, cumulativeTarget - (0.15 * schedule.TotalArrivals) - 20, cumulativeTarget + (0.05 * schedule.TotalArrivals) + 20);
        }
        var busiest = seconds.MaxBy(p => p.TargetOps)!;
        var quietest = seconds.MinBy(p => p.TargetOps)!;
        Assert.True(busiest.Started > 2 * quietest.Started, $"busiest second started {busiest.Started}, quietest {quietest.Started}");
    }

    private static double Correlation(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
