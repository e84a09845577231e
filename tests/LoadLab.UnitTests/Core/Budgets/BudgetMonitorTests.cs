using LoadLab.Core.Budgets;
using LoadLab.Core.Engine;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.UnitTests.Core.Budgets;

public class BudgetMonitorTests
{
    private static readonly BudgetDefinition P99Under10Ms = new()
    {
        Scenario = "browse",
        Operation = "get",
        Metric = BudgetMetric.Percentile,
        Percentile = 99,
        Limit = 10,
        AbortAfter = TimeSpan.FromSeconds(2),
    };

    /// <summary>The snapshot the engine publishes after interval [second, second + 1) in which every get took <paramref name="micros"/>.</summary>
    private static LiveSnapshot Interval(int second, long micros, int count = 50, double planned = 60)
    {
        var histogram = LatencyScale.NewHistogram();
        histogram.RecordValueWithCount(micros, count);
        var point = new OperationInterval(second, 1, count, count, 0, 0, micros / 1000.0, micros / 1000.0, micros / 1000.0, 0, 0, HistogramCodec.Encode(histogram));
        var scenarioPoint = new ScenarioInterval(second, 1, "rate", count, count, count, 0, 0, 0);
        var scenario = new LiveScenario("browse", "rate", count, count, 0, 0, 0, 0, 0, 0, scenarioPoint, [new LiveOperation("get", point)]);
        return new LiveSnapshot(second + 1, planned, [scenario]);
    }

    private static BudgetMonitor Monitor(params BudgetDefinition[] budgets) =>
        new(budgets, new Dictionary<string, TimeSpan> { ["browse"] = TimeSpan.Zero });

    [Fact]
    public void Aborts_once_a_budget_has_been_broken_for_longer_than_its_grace()
    {
        using var monitor = Monitor(P99Under10Ms);
        for (int s = 0; s < 3; s++)
            monitor.OnInterval(Interval(s, 2000));
        Assert.Null(monitor.Abort);

        // Broken from second 3: 1 s, 2 s (not longer than the 2 s grace), then 3 s.
        monitor.OnInterval(Interval(3, 30_000));
        monitor.OnInterval(Interval(4, 30_000));
        Assert.False(monitor.AbortToken.IsCancellationRequested);
        monitor.OnInterval(Interval(5, 30_000));

        var abort = Assert.IsType<BudgetAbort>(monitor.Abort);
        Assert.True(monitor.AbortToken.IsCancellationRequested);
        Assert.Equal(0, abort.BudgetIndex);
        Assert.Equal(6, abort.AtSeconds);
        Assert.Equal(3, abort.BrokenSinceSeconds);
        Assert.Equal(30.015, abort.Measured);
        Assert.Equal("browse/get p99 <= 10 ms", abort.Budget);
    }

    [Fact]
    public void A_healthy_window_restarts_the_grace()
    {
        // Without a window the whole run so far counts, and one fast second would not heal it; a 1 s window does.
        using var monitor = Monitor(P99Under10Ms with { Window = TimeSpan.FromSeconds(1) });
        monitor.OnInterval(Interval(0, 30_000));
        monitor.OnInterval(Interval(1, 30_000));
        monitor.OnInterval(Interval(2, 2000));
        monitor.OnInterval(Interval(3, 30_000));
        monitor.OnInterval(Interval(4, 30_000));

        Assert.Null(monitor.Abort);
    }

    [Fact]
    public void A_windowed_budget_is_judged_on_its_trailing_window()
    {
        // One slow second in a 10 s window of fast ones keeps the window's p50 fast: no abort however long it runs.
        using var monitor = Monitor(P99Under10Ms with { Percentile = 50, Window = TimeSpan.FromSeconds(10), AbortAfter = TimeSpan.Zero });
        for (int s = 0; s < 20; s++)
            monitor.OnInterval(Interval(s, s == 12 ? 30_000 : 2000));
        Assert.Null(monitor.Abort);

        // Six slow seconds in a row make the slow ones the majority of the window.
        for (int s = 20; s < 26; s++)
            monitor.OnInterval(Interval(s, 30_000));
        Assert.Equal(26, monitor.Abort?.AtSeconds);
    }

    [Fact]
    public void Budgets_without_abortAfter_never_stop_the_run()
    {
        using var monitor = Monitor(P99Under10Ms with { AbortAfter = null });
        for (int s = 0; s < 10; s++)
            monitor.OnInterval(Interval(s, 30_000));

        Assert.Null(monitor.Abort);
        Assert.False(monitor.AbortToken.IsCancellationRequested);
    }

    [Fact]
    public void Warmup_and_the_drain_after_the_planned_end_do_not_abort()
    {
        using var monitor = new BudgetMonitor([P99Under10Ms with { AbortAfter = TimeSpan.Zero }], new Dictionary<string, TimeSpan> { ["browse"] = TimeSpan.FromSeconds(3) });
        for (int s = 0; s < 3; s++)
            monitor.OnInterval(Interval(s, 30_000, planned: 5));
        Assert.Null(monitor.Abort);

        monitor.OnInterval(Interval(5, 30_000, planned: 5));
        Assert.Null(monitor.Abort);
    }

    [Fact]
    public void Other_scenarios_and_operations_are_ignored()
    {
        using var monitor = Monitor(P99Under10Ms with { Operation = "put", AbortAfter = TimeSpan.Zero });
        for (int s = 0; s < 5; s++)
            monitor.OnInterval(Interval(s, 30_000));

        Assert.Null(monitor.Abort);
    }
}
