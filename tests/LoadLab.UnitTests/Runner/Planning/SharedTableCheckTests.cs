using LoadLab.Runner.Planning;
using LoadLab.UnitTests.Runner.Suites;

namespace LoadLab.UnitTests.Runner.Planning;

public class SharedTableCheckTests
{
    // Items padded to 3,000 B: a put costs 3 write units. Each scenario alone: 20/s × 3 = 60 WCU of 100.
    private static string Suite(int writeUnits) => $$"""
        name: s
        tables:
          t: { name: Shared, key: { pk: S }, capacity: { mode: provisioned, read: 100, write: {{writeUnits}} } }
        data:
          t: { model: customer, items: 500, pk: "C#{index}", size: 3000B }
        scenarios:
          - { name: a, table: t, mix: { put: 1 }, load: [ { rate: 20, for: 10s } ] }
          - { name: b, table: t, mix: { put: 1 }, load: [ { ramp: { from: 0, to: 20, over: 10s } } ] }
        """;

    [Fact]
    public void Scenarios_that_fit_alone_but_not_together_warn_once()
    {
        var estimates = PlanEstimates.For(SuiteParsing.Parse(Suite(100)));

        Assert.All(estimates.Scenarios, s => Assert.Empty(s.Warnings));
        var warning = Assert.Single(estimates.SharedTableWarnings);
        Assert.Contains("Scenarios 'a', 'b' share table local_Shared: at their peaks together up to 120.0 write units/s, more than its 100", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Enough_capacity_for_both_peaks_does_not_warn()
    {
        Assert.Empty(PlanEstimates.For(SuiteParsing.Parse(Suite(120))).SharedTableWarnings);
    }
}
