using LoadLab.Reports.Verdicts;
using static LoadLab.UnitTests.Reports.Verdicts.DesignRuns;

namespace LoadLab.UnitTests.Reports.Verdicts;

/// <summary>The verdict rules: failures first, then goodput, latency of successful operations and cost; no mark without a clear difference.</summary>
public sealed class DesignJudgeTests
{
    [Fact]
    public void A_design_that_fails_more_never_wins_latency_or_cost()
    {
        // Half its puts fail fast (and free), so its successful ones are not even slower: it still must not win.
        var failing = Design("by-tenant", medianMicros: 1_000, failedPerSecond: 50, seed: 1, usdPerMillion: 10);
        var clean = Design("sharded", medianMicros: 3_000, seed: 2, usdPerMillion: 25);

        var judgement = DesignJudge.Judge([failing, clean]);

        Assert.Equal("sharded", judgement.Verdict.Best);
        Assert.Contains("fails least", judgement.Verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(1, judgement.Row("orders/put", "failure rate (throttled + errors)")!.Better);
        var p50 = judgement.Row("orders/put", "p50 (ok)")!;
        Assert.Null(p50.Better);
        Assert.True(p50.Significant, "the latency difference itself is real");
        Assert.Contains("fails more", p50.Note, StringComparison.Ordinal);
        Assert.Null(judgement.Row("cost", "own mode, $ per million operations served")!.Better);
        Assert.Null(judgement.Row("orders/put", "attempts per call")!.Better);
    }

    [Fact]
    public void A_short_throttle_storm_is_within_the_noise_of_measured_runs_but_the_designs_doing_in_simulations_of_one_seed()
    {
        // 300 s, one design throttles 80 of 100 operations a second for 3 s: a chance block of seconds for a measurement.
        var storm = Design("fixed", medianMicros: 2_000, failedPerSecond: 80, seed: 1, seconds: 300, failingSeconds: (150, 3));
        var steady = Design("autoscaled", medianMicros: 2_000, seed: 2, seconds: 300);

        var measured = DesignJudge.Judge([storm, steady]);
        var simulated = DesignJudge.Judge([Simulated(storm), Simulated(steady)]);

        Assert.Null(measured.Row("orders/put", "failure rate (throttled + errors)")!.Better);
        Assert.DoesNotContain(measured.Warnings, w => w.StartsWith("Simulated", StringComparison.Ordinal));
        // Simulations of one seed replay the same arrivals: the storm is the fixed design's, however short.
        Assert.Equal(1, simulated.Row("orders/put", "failure rate (throttled + errors)")!.Better);
        Assert.Equal(1, simulated.Row("run", "failure rate (throttled + errors)")!.Better);
        Assert.Equal("autoscaled", simulated.Verdict.Best);
        Assert.Contains(simulated.Warnings, w => w.StartsWith("Simulated on virtual time with one seed", StringComparison.Ordinal));
        // A simulation beside a measured run: latency is not comparable, and the comparison says so.
        Assert.Contains(DesignJudge.Judge([Simulated(storm), steady]).Warnings, w => w.StartsWith("fixed is a simulation and the others were measured", StringComparison.Ordinal));
        // Different seeds are different traffic: back to the bootstrap.
        var reseeded = Simulated(steady) with { Result = Simulated(steady).Result with { Run = Simulated(steady).Result.Run with { Seed = 7 } } };
        Assert.Null(DesignJudge.Judge([Simulated(storm), reseeded]).Row("orders/put", "failure rate (throttled + errors)")!.Better);
    }

    [Fact]
    public void When_two_designs_tie_at_the_best_the_one_that_fails_more_is_named_in_the_row_and_the_verdict()
    {
        var storm = Design("fixed", medianMicros: 2_000, failedPerSecond: 80, seed: 1, seconds: 300, failingSeconds: (150, 3), usdPerMillion: 10);
        var autoscaled = Design("autoscaled", medianMicros: 2_000, seed: 2, seconds: 300, usdPerMillion: 20);
        var onDemand = Design("on-demand", medianMicros: 2_000, seed: 3, seconds: 300, usdPerMillion: 40);

        var judgement = DesignJudge.Judge([Simulated(storm), Simulated(autoscaled), Simulated(onDemand)]);

        var failures = judgement.Row("orders/put", "failure rate (throttled + errors)")!;
        Assert.Null(failures.Better);
        Assert.Equal("fixed clearly worse", failures.Note);
        Assert.Equal("autoscaled", judgement.Verdict.Best);
        Assert.Contains("costs less", judgement.Verdict.Reason, StringComparison.Ordinal);
        Assert.EndsWith("fixed (0.8 % failed) fails more and wins nothing.", judgement.Verdict.Reason, StringComparison.Ordinal);
    }

    private static LoadLab.Reports.Charts.VariantRun Simulated(LoadLab.Reports.Charts.VariantRun run) =>
        run with { Result = run.Result with { Run = run.Result.Run with { Simulation = new LoadLab.Core.Results.SimulationInfo(1, [], 1), Seed = 42 } } };

    [Fact]
    public void The_same_design_twice_differs_only_by_noise_and_gets_no_mark()
    {
        var first = Design("first", medianMicros: 2_000, failedPerSecond: 2, seed: 11);
        var second = Design("second", medianMicros: 2_000, failedPerSecond: 2, seed: 12, usdPerMillion: 25.01);

        var judgement = DesignJudge.Judge([first, second]);

        Assert.All(judgement.Rows, r => Assert.Null(r.Better));
        Assert.Null(judgement.Verdict.Best);
        Assert.StartsWith("No clear difference", judgement.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_percentile_without_enough_samples_beyond_it_is_shown_but_not_judged()
    {
        // 100 operations: p99.9 rests on one sample; the designs differ by a factor of three all the same.
        var slow = Design("slow", medianMicros: 6_000, seconds: 5, perSecond: 20);
        var fast = Design("fast", medianMicros: 2_000, seconds: 5, perSecond: 20, seed: 3);

        var judgement = DesignJudge.Judge([slow, fast]);

        var tail = judgement.Row("orders/put", "p99.9 (ok)")!;
        Assert.NotNull(tail.Values[0]);
        Assert.Null(tail.Better);
        Assert.True(tail.Note?.Contains("needs 10,000", StringComparison.Ordinal) == true, tail.Note ?? "(no note)");
        Assert.Equal(1, judgement.Row("orders/put", "p50 (ok)")!.Better);
    }

    [Fact]
    public void Identical_results_tie()
    {
        var design = Design("a", medianMicros: 2_000);

        var judgement = DesignJudge.Judge([design, design with { Name = "b" }]);

        Assert.All(judgement.Rows, r => Assert.Null(r.Better));
        Assert.All(judgement.Rows, r => Assert.False(r.Significant));
        Assert.Null(judgement.Verdict.Best);
    }

    [Fact]
    public void With_equal_failures_the_clearly_faster_design_wins_and_a_small_cost_gap_is_noise()
    {
        var slow = Design("slow", medianMicros: 4_000, failedPerSecond: 1, seed: 5, usdPerMillion: 25.51);
        var fast = Design("fast", medianMicros: 2_000, failedPerSecond: 1, seed: 6, usdPerMillion: 25.50);

        var judgement = DesignJudge.Judge([slow, fast]);

        Assert.Equal("fast", judgement.Verdict.Best);
        Assert.Contains("faster", judgement.Verdict.Reason, StringComparison.Ordinal);
        Assert.Equal(1, judgement.Row("orders/put", "p50 (ok)")!.Better);
        Assert.Equal(1, judgement.Row("orders/put", "p99 (ok)")!.Better);
        Assert.Null(judgement.Row("cost", "own mode, $ per million operations served")!.Better);
    }

    [Fact]
    public void What_if_prices_are_shown_and_never_ranked()
    {
        var cheap = Design("cheap", medianMicros: 2_000, usdPerMillion: 5);
        var dear = Design("dear", medianMicros: 2_000, seed: 9, usdPerMillion: 50);

        var judgement = DesignJudge.Judge([cheap, dear]);

        var whatIf = judgement.Rows.Where(r => r.Kind == RowKind.WhatIf).ToList();
        Assert.NotEmpty(whatIf);
        Assert.All(whatIf, r => Assert.Null(r.Better));
        Assert.All(whatIf, r => Assert.All(r.Values, v => Assert.NotNull(v)));
        Assert.Equal(0, judgement.Row("cost", "own mode, $ per million operations served")!.Better);
        Assert.Equal("cheap", judgement.Verdict.Best);
        Assert.Contains("costs less", judgement.Verdict.Reason, StringComparison.Ordinal);
    }
}
