using LoadLab.Core.Results;
using LoadLab.Reports.Calibration;
using LoadLab.TestSupport;

namespace LoadLab.UnitTests.Reports.Calibration;

public sealed class CalibrationReportTests
{
    // Seconds 0-1 clean, then throttles from second 2: the first throttled second is 2.
    private static OperationResult Put(double writeUnits, long throttledOps, long throttledAttempts, int firstThrottle = 2, string reason = "TableWriteKeyRangeThroughputExceeded")
    {
        var seconds = Enumerable.Range(0, 10)
            .Select(i => Second.Of(10, 5_000, throttled: i == firstThrottle ? 1 : 0))
            .ToArray();
        return SyntheticRun.Operation("put", seconds) with
        {
            WriteUnits = writeUnits,
            Outcomes = new Dictionary<string, long> { ["ok"] = 100, ["throttled"] = throttledOps },
            ThrottledAttempts = throttledAttempts,
            ThrottleReasons = throttledAttempts == 0 ? new Dictionary<string, long>() : new Dictionary<string, long> { [reason] = throttledAttempts },
        };
    }

    private static CalibrationRow Row(OperationResult real, OperationResult simulated) => Assert.Single(CalibrationReport.Compare(
        "suite", SyntheticRun.Create(SyntheticRun.Scenario("s", real)), SyntheticRun.Create(SyntheticRun.Scenario("s", simulated))));

    [Fact]
    public void Figures_within_every_tolerance_agree()
    {
        // Units 1.9 % apart, throttled operations 9 % apart, throttled attempts 20 apart (more than 10 % of 100).
        var row = Row(Put(10_000, 100, 100), Put(10_190, 109, 120, firstThrottle: 7));

        Assert.True(row.Agrees, string.Join(", ", row.Failures));
        Assert.Equal(2, row.Real.FirstThrottle);
        Assert.Equal(7, row.Simulated.FirstThrottle);
    }

    [Fact]
    public void Each_criterion_fails_just_past_its_tolerance()
    {
        Assert.Equal(["write units"], Row(Put(10_000, 100, 100), Put(10_210, 100, 100)).Failures);
        Assert.Equal(["throttled operations"], Row(Put(10_000, 300, 300), Put(10_000, 331, 300)).Failures);
        Assert.Equal(["throttled attempts"], Row(Put(10_000, 100, 100), Put(10_000, 100, 121)).Failures);
        Assert.Equal(["throttle reasons"], Row(Put(10_000, 100, 100), Put(10_000, 100, 100, reason: "TableWriteProvisionedThroughputExceeded")).Failures);
        Assert.Equal(["first throttle"], Row(Put(10_000, 100, 100, firstThrottle: 1), Put(10_000, 100, 100, firstThrottle: 7)).Failures);
    }

    [Fact]
    public void A_throttle_on_one_side_only_fails_reasons_and_first_throttle()
    {
        var clean = SyntheticRun.Operation("put", SyntheticRun.Steady(5, 10, 5_000)) with { WriteUnits = 50 };
        var throttled = Put(50, 5, 5);

        var row = Row(clean, throttled);

        Assert.Contains("throttle reasons", row.Failures);
        Assert.Contains("first throttle", row.Failures);
        Assert.DoesNotContain("throttled attempts", row.Failures);   // 5 is within the 20-request slack
    }

    [Fact]
    public void Markdown_shows_real_against_simulated_and_names_the_failures()
    {
        var rows = CalibrationReport.Compare("hot-key", SyntheticRun.Create(SyntheticRun.Scenario("s", Put(49_854, 684, 1_607))),
            SyntheticRun.Create(SyntheticRun.Scenario("s", Put(45_000, 686, 1_581))));

        string table = CalibrationReport.Markdown(rows);

        Assert.Contains("| hot-key | s/put | 0 vs 0 | 49,854 vs 45,000 ✗ | 684 vs 686 | 1,607 vs 1,581 |", table, StringComparison.Ordinal);
        Assert.Contains("**no**: write units", table, StringComparison.Ordinal);
    }
}
