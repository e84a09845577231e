using LoadLab.Core.Recording;
using LoadLab.Reports.Samples;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports;

/// <summary>The synthetic run the exporter tests use is realistic and self-consistent.</summary>
public class SampleRunTests
{
    [Fact]
    public void Two_scenarios_three_operations_120_intervals_with_real_histograms()
    {
        var run = SyntheticRuns.Run;
        Assert.Equal(["browse", "checkout"], run.Scenarios.Select(s => s.Name));
        Assert.Equal(3, run.Scenarios.Sum(s => s.Operations.Count));
        foreach (var op in run.Scenarios.SelectMany(s => s.Operations))
        {
            Assert.Equal(120, op.Series.Count);
            Assert.All(op.Series, p => Assert.NotNull(p.Histogram));
            long fromIntervals = op.Series.Sum(p => HistogramCodec.Decode(p.Histogram!).TotalCount);
            Assert.Equal(op.Completed, fromIntervals);
            Assert.Equal(op.Completed, op.Series.Sum(p => p.Completed));
            Assert.Equal(op.Completed, op.Outcomes.Values.Sum());
            Assert.Equal(op.Completed, HistogramCodec.Decode(op.LatencyHistogram!).TotalCount);
            Assert.True(op.Latency.P99Ms >= op.ServiceTime.P99Ms, "corrected latency includes the wait before the send");
        }
    }

    [Fact]
    public void Has_throttles_errors_drops_and_budgets_that_pass_and_fail()
    {
        var run = SyntheticRuns.Run;
        var ops = run.Scenarios.SelectMany(s => s.Operations).ToArray();
        Assert.True(ops.Sum(o => o.Count("throttled")) > 0);
        Assert.True(ops.Sum(o => o.ThrottledAttempts) > ops.Sum(o => o.Count("throttled")));
        Assert.True(ops.Count(o => o.ThrottleReasons.Count > 0) >= 2);
        Assert.True(run.Scenarios.Sum(s => s.Dropped) > 0);
        Assert.Contains(run.Budgets, b => b.Passed);
        Assert.Contains(run.Budgets, b => !b.Passed);
        Assert.Contains(run.Budgets, b => b.Scenario is null);
        Assert.NotEmpty(run.Findings);
    }

    [Fact]
    public void Is_deterministic_for_a_seed()
    {
        var options = new SampleRunOptions { Intervals = 10 };
        Assert.Equal(
            SampleRun.Create(options).Scenarios[0].Operations[0].LatencyHistogram,
            SampleRun.Create(options).Scenarios[0].Operations[0].LatencyHistogram);
    }
}
