using LoadLab.Core.Engine;
using LoadLab.Core.Merging;
using LoadLab.Core.Plans;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.UnitTests.Core.Support;

namespace LoadLab.UnitTests.Core.Merging;

[Collection(VirtualClockCollection.Name)]
public class RunResultMergerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A real engine run on virtual time, wrapped as one shard's RunResult.</summary>
    private static async Task<RunResult> ShardAsync(int index, int count, TimeSpan serviceTime, TimeSpan startDelay, string group = "g1")
    {
        var clock = new VirtualClock(Start + startDelay);
        var plan = new ScenarioPlan
        {
            Name = "browse",
            TableId = "t",
            Mix = [new OperationWeight(OperationKind.Get, 3), new OperationWeight(OperationKind.Put, 1)],
            Phases = [new RatePhase(50, TimeSpan.FromSeconds(4))],
        };
        var engine = await clock.RunAsync(
            () => new LoadEngine(clock).RunAsync([new EngineScenario(plan, new SlowExecutor(clock, serviceTime), "local_t")], new EngineOptions { Seed = index }, CancellationToken.None),
            TimeSpan.FromMinutes(5));
        return new RunResult
        {
            Run = new RunInfo
            {
                RunId = $"run-{index}",
                Suite = "s",
                Environment = "local",
                Seed = 1,
                StartedAt = engine.StartedAt,
                EndedAt = engine.EndedAt,
                DurationSeconds = engine.DurationSeconds,
                DurationScale = 1,
                Interrupted = false,
                Machine = MachineInfo.Current(),
                Target = new TargetInfo("local", null, "us-east-1", "4.1.0", "4.1.0", "standard", 3),
                Shard = new ShardInfo(group, index, count),
            },
            Scenarios = engine.Scenarios,
        };
    }

    [Fact]
    public async Task Counts_add_and_percentiles_come_from_the_combined_histograms()
    {
        var a = await ShardAsync(0, 2, TimeSpan.FromMilliseconds(20), TimeSpan.Zero);
        var b = await ShardAsync(1, 2, TimeSpan.FromMilliseconds(80), TimeSpan.FromSeconds(2));
        var merged = RunResultMerger.Merge([("a.json", a), ("b.json", b)]);

        var s = Assert.Single(merged.Scenarios);
        Assert.Equal(a.Scenarios[0].Scheduled + b.Scenarios[0].Scheduled, s.Scheduled);
        foreach (var op in s.Operations)
        {
            var opA = a.Scenarios[0].Operations.Single(o => o.Name == op.Name);
            var opB = b.Scenarios[0].Operations.Single(o => o.Name == op.Name);
            Assert.Equal(opA.Completed + opB.Completed, op.Completed);
            Assert.Equal(opA.Count("ok") + opB.Count("ok"), op.Count("ok"));
            var combined = LatencyScale.NewHistogram();
            combined.Add(HistogramCodec.Decode(opA.LatencyHistogram!));
            combined.Add(HistogramCodec.Decode(opB.LatencyHistogram!));
            Assert.Equal(LatencySummary.From(combined), op.Latency);
            // Half the operations near 20 ms and half near 80 ms: the merged median sits between.
            Assert.True(op.Latency.P99Ms >= opB.Latency.P50Ms);
            Assert.Equal(op.Completed, op.Series.Sum(p => p.Completed));
        }

        Assert.Equal("g1", merged.Run.Shard!.RunGroup);
        Assert.Null(merged.Run.Shard.Index);
        Assert.Equal([0, 1], merged.Run.Shard.Merged!);
        Assert.Equal(Start, merged.Run.StartedAt);
    }

    [Fact]
    public async Task Series_line_up_on_wall_clock_seconds()
    {
        var a = await ShardAsync(0, 2, TimeSpan.FromMilliseconds(10), TimeSpan.Zero);
        var b = await ShardAsync(1, 2, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(2));
        var merged = RunResultMerger.Merge([("a.json", a), ("b.json", b)]);
        var series = merged.Scenarios[0].Series;
        // Shard b started 2 s later: seconds 0–1 hold only a, seconds 2–3 both, 4–5 only b.
        Assert.Equal(a.Scenarios[0].Series[0].Started, series.Single(p => p.Start == 0).Started);
        Assert.Equal(a.Scenarios[0].Series[2].Started + b.Scenarios[0].Series[0].Started, series.Single(p => p.Start == 2).Started);
        Assert.True(series.Max(p => p.Start) >= 5);
        Assert.Equal(a.Scenarios[0].Series.Sum(p => p.Started) + b.Scenarios[0].Series.Sum(p => p.Started), series.Sum(p => p.Started));
    }

    [Fact]
    public async Task A_merge_without_every_shard_says_which_are_missing()
    {
        var a = await ShardAsync(0, 3, TimeSpan.FromMilliseconds(10), TimeSpan.Zero);
        var c = await ShardAsync(2, 3, TimeSpan.FromMilliseconds(10), TimeSpan.Zero);
        var partial = RunResultMerger.Merge([("a.json", a), ("c.json", c)]);
        Assert.Contains(partial.Findings, f => f.StartsWith("Shard(s) 1 of 3 are missing", StringComparison.Ordinal));

        var b = await ShardAsync(1, 3, TimeSpan.FromMilliseconds(10), TimeSpan.Zero);
        var complete = RunResultMerger.Merge([("a.json", a), ("b.json", b), ("c.json", c)]);
        Assert.DoesNotContain(complete.Findings, f => f.Contains("missing", StringComparison.Ordinal));
    }

    /// <summary>A synthetic shard: what the merger checks before merging is the run metadata, so no engine run is needed.</summary>
    private static RunResult SyntheticShard(int index, int count, string group = "g1", string suite = "s")
    {
        var run = SyntheticRun.Create(SyntheticRun.Scenario("browse", SyntheticRun.Operation("get", SyntheticRun.Steady(4, 50, 10_000))));
        return run with { Run = run.Run with { RunId = $"run-{index}", Suite = suite, Shard = new ShardInfo(group, index, count) } };
    }

    [Fact]
    public void Shards_of_different_suites_or_run_groups_or_duplicates_are_refused()
    {
        var a = SyntheticShard(0, 2);
        var otherSuite = SyntheticShard(1, 2, suite: "other");
        var otherGroup = SyntheticShard(1, 2, group: "g2");
        var e1 = Assert.Throws<ShardMergeException>(() => RunResultMerger.Merge([("a.json", a), ("b.json", otherSuite)]));
        Assert.Contains("suite 'other'", e1.Message);
        var e2 = Assert.Throws<ShardMergeException>(() => RunResultMerger.Merge([("a.json", a), ("c.json", otherGroup)]));
        Assert.Contains("run group g2", e2.Message);
        var e3 = Assert.Throws<ShardMergeException>(() => RunResultMerger.Merge([("a.json", a), ("a2.json", a)]));
        Assert.Contains("shard 0 appears twice", e3.Message);
        Assert.Throws<ShardMergeException>(() => RunResultMerger.Merge([]));
    }
}
