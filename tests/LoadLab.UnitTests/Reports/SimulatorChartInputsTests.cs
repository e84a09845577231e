using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports;

// Charts from the simulator's section: capacity against its limits, lined up on the run's end, and hot keys.
public class SimulatorChartInputsTests
{
    private static RunResult WithSimulator(params SimulatorResource[] resources) => SyntheticRuns.Run with
    {
        Run = SyntheticRuns.Run.Run with { DurationSeconds = 3 },
        Simulator = new SimulatorSection { Preset = "documented", Resources = resources },
    };

    private static SimulatorSecond Second(double offset, double write, double capacity) =>
        new(offset, 1, 0, write, 100, capacity, 0, null, 0, 0, 4);

    [Fact]
    public void Capacity_comes_from_the_simulator_per_second_with_its_limit_and_without_the_seconds_before_the_load()
    {
        // Ten seconds of seeding, then three of load: the last three seconds are the run's.
        var seconds = Enumerable.Range(0, 13).Select(i => Second(i, i < 10 ? 900 : 40 + i, 50)).ToArray();
        var result = WithSimulator(new SimulatorResource { Table = "t", Mode = "provisioned", Seconds = seconds });

        var inputs = ChartInputs.From(result);

        var capacity = Assert.Single(inputs.Capacity);
        Assert.Equal("t", capacity.Scope);
        Assert.Equal("provisioned", capacity.LimitLabel);
        Assert.Equal([0.0, 1, 2], capacity.Points.Select(p => p.Start));
        Assert.Equal([50.0, 51, 52], capacity.Points.Select(p => p.WriteUnitsPerSecond));
        Assert.All(capacity.Points, p => Assert.Equal(50, p.WriteLimit));
        Assert.All(capacity.Points, p => Assert.Equal(4, p.Partitions));
    }

    [Fact]
    public void Without_a_simulator_capacity_is_estimated_from_the_operations()
    {
        var result = SyntheticRuns.Run with { Simulator = null };

        Assert.Equal(CapacitySeries.FromOperations(result).Select(c => c.Scope), ChartInputs.From(result).Capacity.Select(c => c.Scope));
        Assert.Empty(ChartInputs.From(result).HotKeys);
    }

    [Fact]
    public void Hot_keys_are_the_most_throttled_across_tables_most_first_and_make_a_chart()
    {
        var result = WithSimulator(
            new SimulatorResource { Table = "a", Mode = "on-demand", TopThrottledKeys = [new SimulatorKey("k1", 5), new SimulatorKey("k0", 0)] },
            new SimulatorResource { Table = "b", Mode = "on-demand", TopThrottledKeys = [new SimulatorKey("k2", 90)] });

        var keys = HotKeysChart.TopKeys(result);

        Assert.Equal([("b: k2", 90L), ("a: k1", 5L)], keys);
        using var chart = Assert.Single(RunCharts.Build(result), c => c.Id == "hot-keys");
        Assert.Contains("k2", chart.ToSvg(), StringComparison.Ordinal);
    }
}
