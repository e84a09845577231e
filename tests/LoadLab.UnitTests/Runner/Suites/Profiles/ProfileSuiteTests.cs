using System.Text;
using LoadLab.Core.Plans;
using LoadLab.Core.Scheduling;
using LoadLab.Runner.Suites;
using LoadLab.Runner.Suites.Profiles;

namespace LoadLab.UnitTests.Runner.Suites.Profiles;

/// <summary>
/// A profile phase in a suite: the file is found beside the suite, bound into one phase, scaled by 'scale:' and
/// --duration-scale, and every problem names the suite's file:line:column and the data file's line and column.
/// </summary>
public sealed class ProfileSuiteTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-profile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string SuitePath => Path.Combine(folder, "suite.yaml");

    private void Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    // The phase list is the last line, so positions in the assertions are line 9 and the column of 'file:''s value.
    private static string Suite(string profile, string extra = "") => $$"""
        name: t
        tables:
          items: { name: Items, key: { pk: S } }
        scenarios:
          - name: browse
            table: items
            mix: { get: 1 }
            load:
              - { profile: { {{profile}} } }{{extra}}
        """;

    private const int PhaseLine = 9;
    private const int FileColumn = 28; // "      - { profile: { file: " is 27 characters

    private RunPlan Load(string yaml, double durationScale = 1.0)
    {
        File.WriteAllText(SuitePath, yaml);
        return SuiteLoader.Load(SuitePath, new SuiteLoadOptions { RunId = "t", DurationScale = durationScale });
    }

    private IReadOnlyList<SuiteError> Errors(string yaml)
    {
        File.WriteAllText(SuitePath, yaml);
        return Assert.Throws<SuiteLoadException>(() => SuiteLoader.Load(SuitePath, new SuiteLoadOptions { RunId = "t" })).Errors;
    }

    private void AssertOnlyError(string yaml, int line, int column, params string[] fragments)
    {
        var error = Assert.Single(Errors(yaml));
        Assert.True((line, column) == (error.Line, error.Column), $"expected {line}:{column}, got {error}");
        foreach (var fragment in fragments)
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_beside_the_suite_becomes_one_scaled_phase()
    {
        Write("traffic/day.csv", "time,rate\n0,10\n10,30\n20,20\n");

        var plan = Load(Suite("file: traffic/day.csv, scale: 2"));

        var phase = Assert.IsType<ProfilePhase>(Assert.Single(plan.Scenarios[0].Phases));
        Assert.Equal("traffic/day.csv", phase.Source);
        Assert.Equal([0, 10, 20], phase.Points.Select(p => p.Seconds));
        Assert.Equal([20, 60, 40], phase.Points.Select(p => p.Rate));
        Assert.Equal(TimeSpan.FromSeconds(20), plan.Scenarios[0].Duration);
        // 2 × (200 + 250): the planned operations are the curve's integral.
        Assert.Equal(900, new ArrivalSchedule(plan.Scenarios[0].Phases).ArrivalCount);
        Assert.Equal("profile traffic/day.csv over 20s (peak 60/s, mean 45/s)", phase.Describe());
    }

    [Fact]
    public void Duration_scale_compresses_the_curve_and_keeps_its_rates()
    {
        Write("day.csv", "time,rate\n0,10\n10,30\n20,20\n");

        var plan = Load(Suite("file: day.csv"), durationScale: 0.25);

        var phase = Assert.IsType<ProfilePhase>(Assert.Single(plan.Scenarios[0].Phases));
        Assert.Equal(TimeSpan.FromSeconds(5), phase.Duration);
        Assert.Equal([0, 2.5, 5], phase.Points.Select(p => p.Seconds));
        Assert.Equal([10, 30, 20], phase.Points.Select(p => p.Rate));
        Assert.Equal(450 * 0.25, new ArrivalSchedule([phase]).TotalArrivals, 9);
    }

    [Fact]
    public void A_ramp_after_a_profile_starts_at_its_last_rate()
    {
        Write("day.csv", "time,rate\n0,10\n10,30\n");

        var plan = Load(Suite("file: day.csv", "\n      - { ramp: { to: 0, over: 5s } }"));

        Assert.Equal(new RampPhase(30, 0, TimeSpan.FromSeconds(5)), plan.Scenarios[0].Phases[1]);
    }

    [Fact]
    public void CloudWatch_json_with_a_period_and_a_series()
    {
        Write("writes.json", """
            {"MetricDataResults": [
              {"Id": "w", "Timestamps": ["2024-05-01T12:02:00Z", "2024-05-01T12:01:00Z", "2024-05-01T12:00:00Z"], "Values": [600, 1200, 6000]},
              {"Id": "r", "Timestamps": ["2024-05-01T12:00:00Z", "2024-05-01T12:01:00Z"], "Values": [1, 1]}
            ]}
            """);

        var plan = Load(Suite("file: writes.json, period: 1m, series: w"));

        var phase = Assert.IsType<ProfilePhase>(Assert.Single(plan.Scenarios[0].Phases));
        Assert.Equal([0, 60, 120], phase.Points.Select(p => p.Seconds));
        Assert.Equal([100, 20, 10], phase.Points.Select(p => p.Rate));
    }

    [Fact]
    public void A_missing_file_names_where_it_was_looked_for()
    {
        AssertOnlyError(Suite("file: nope.csv"), PhaseLine, FileColumn,
            "load phase 1: profile.file: " + Path.Combine(folder, "nope.csv") + ": not found", "relative to the suite's folder");
    }

    [Fact]
    public void A_folder_or_an_empty_file_is_refused()
    {
        Directory.CreateDirectory(Path.Combine(folder, "dir.csv"));
        Write("empty.csv", "");

        AssertOnlyError(Suite("file: dir.csv"), PhaseLine, FileColumn, "is a folder");
        AssertOnlyError(Suite("file: empty.csv"), PhaseLine, FileColumn, "empty.csv: is empty", "time,rate");
    }

    [Fact]
    public void Errors_in_the_file_carry_both_positions_in_the_files_order()
    {
        Write("bad.csv", "time,rate\n0,10\n5,-3\n5,x\n");

        var errors = Errors(Suite("file: bad.csv"));

        Assert.All(errors, e => Assert.Equal((SuitePath, PhaseLine, FileColumn), (e.File, e.Line, e.Column)));
        var shown = Path.Combine(folder, "bad.csv");
        Assert.Equal(
        [
            $"load phase 1: profile.file: {shown}:3:3: rate -3 is negative: operations per second, 0 or more",
            $"load phase 1: profile.file: {shown}:4:1: time 5 is not after the previous point's (line 3): times must increase from line to line",
            $"load phase 1: profile.file: {shown}:4:3: rate 'x' is not a number: operations per second, e.g. 250 or 12.5",
        ], errors.Select(e => e.Message));
        Assert.Equal($"{SuitePath}:9:28: load phase 1: profile.file: {shown}:3:3: rate -3 is negative: operations per second, 0 or more", errors[0].ToString());
    }

    [Fact]
    public void A_wrong_header_and_too_few_points()
    {
        Write("header.csv", "t,r\n0,1\n1,1\n");
        Write("one.csv", "time,rate\n0,1\n");

        AssertOnlyError(Suite("file: header.csv"), PhaseLine, FileColumn, "header.csv:1:1: the header must be 'time,rate'");
        AssertOnlyError(Suite("file: one.csv"), PhaseLine, FileColumn, "one.csv:2: has 1 point: a profile needs at least 2");
    }

    [Fact]
    public void Rates_above_the_most_a_phase_may_ask_are_refused_after_scale()
    {
        Write("big.csv", "time,rate\n0,1\n10,600000\n");

        AssertOnlyError(Suite("file: big.csv, scale: 2"), PhaseLine, FileColumn,
            "big.csv:3:4: rate 1,200,000/s (×2 scale) is above the most a phase may ask, 1,000,000/s", "lower 'scale:'");
    }

    [Fact]
    public void A_file_over_the_size_bound_is_refused_before_it_is_read()
    {
        using (var stream = File.Create(Path.Combine(folder, "huge.csv")))
            stream.SetLength(TrafficLimits.MaxBytes + 1);

        AssertOnlyError(Suite("file: huge.csv"), PhaseLine, FileColumn, "more than the 32 MB a traffic file may be (at most 100,000 points)", "resample");
    }

    [Fact]
    public void Several_series_ask_for_series_and_a_period_must_be_positive()
    {
        Write("two.json", """{"MetricDataResults": [{"Id": "a", "Timestamps": [], "Values": []}, {"Id": "b", "Timestamps": [], "Values": []}]}""");

        AssertOnlyError(Suite("file: two.json"), PhaseLine, FileColumn, "two.json:1:", "has 2 series ('a', 'b'): add 'series: ID'");
        AssertOnlyError(Suite("file: two.json, period: 0s, series: a"), PhaseLine, 46, "profile.period: must be longer than 0");
    }

    [Fact]
    public void Period_and_series_belong_to_cloudwatch_json()
    {
        Write("day.csv", "time,rate\n0,1\n1,1\n");

        AssertOnlyError(Suite("file: day.csv, period: 1m"), PhaseLine, FileColumn, "is CSV, and 'period:' applies to CloudWatch JSON only");
    }

    [Fact]
    public void Bad_scale_and_unknown_keys_are_reported_at_their_own_place()
    {
        Write("day.csv", "time,rate\n0,1\n1,1\n");

        AssertOnlyError(Suite("file: day.csv, scale: 0"), PhaseLine, 44, "profile.scale: must be greater than 0");
        var typo = Assert.Single(Errors(Suite("file: day.csv, scael: 2")));
        Assert.Contains("Did you mean 'scale'?", typo.Message, StringComparison.Ordinal);
        AssertOnlyError(Suite("scale: 2"), PhaseLine, 20, "'file'");
    }

    [Fact]
    public void A_json_file_of_another_shape_says_what_was_expected()
    {
        File.WriteAllText(Path.Combine(folder, "other.json"), "{\n  \"Datapoints\": []\n}", Encoding.UTF8);

        AssertOnlyError(Suite("file: other.json"), PhaseLine, FileColumn, "has no 'MetricDataResults'", "aws cloudwatch get-metric-data");
    }
}
