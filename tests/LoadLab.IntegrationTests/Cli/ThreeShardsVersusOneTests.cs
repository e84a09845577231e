using HdrHistogram;
using LoadLab.Core.Keys;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.IntegrationTests.DynamoDb;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;
using static LoadLab.IntegrationTests.Support.CliRunner;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// Issue 8's acceptance test on the real local target: three shards at a third of the rate each, merged, against one
/// process at the whole rate. The shards run one after the other in this process (the CLI runs in-process here).
/// </summary>
[Collection("local-target")]
public sealed class ThreeShardsVersusOneTests(LocalTargetFixture target) : IDisposable
{
    private const int Shards = 3;
    private const long Items = 3001;
    private const string Group = "it-3v1";

    private static readonly string Suite = Path.Combine(RepositoryPaths.Root, "tests", "LoadLab.IntegrationTests", "Cli", "Fixtures", "three-shards.yaml");

    private readonly string output = Directory.CreateTempSubdirectory("loadlab-3v1-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    private async Task<RunResult> RunSuiteAsync(string dir, params string[] extra)
    {
        var (exit, text) = await RunAsync(["run", Suite, "--endpoint", target.Endpoint.ToString(), "--out", dir, "--plain", .. extra]);
        Assert.True(exit == 0, text);
        return ResultsJson.Read(Path.Combine(dir, ResultsJson.FileName));
    }

    [Fact]
    public async Task Three_shards_merge_into_the_sums_and_combined_percentiles_and_match_one_process_at_the_total_rate()
    {
        using var client = LocalTables.Client(target.Endpoint);
        var dirs = new List<string>();
        var shards = new List<RunResult>();
        long seededSoFar = 0;
        long insertedSoFar = 0;
        for (int i = 0; i < Shards; i++)
        {
            string dir = Path.Combine(output, $"shard-{i}");
            dirs.Add(dir);
            var shard = await RunSuiteAsync(dir, "--shard", $"{i}/{Shards}", "--run-group", Group);
            shards.Add(shard);

            // The result states the slice; the shard seeded exactly that many items.
            var expected = new KeyShard(i, Shards).SliceOf(Items);
            var slice = Assert.Single(shard.Run.Shard!.Slices!);
            Assert.Equal((expected.Start, expected.Count, Items), (slice.FirstItem, slice.Items, slice.DataSetItems));
            Assert.Equal(expected.Count, Assert.Single(shard.Seeding).Items);

            // The table holds the slices seeded so far and every insert: no shard wrote outside its slice or reused a new key.
            var put = shard.Scenarios[0].Operations.Single(o => o.Name == "put");
            Assert.Equal(0, put.Count("conditionFailed"));
            seededSoFar += expected.Count;
            insertedSoFar += put.Count("ok");
            Assert.Equal(seededSoFar + insertedSoFar, await LocalTables.CountAsync(client, slice.Table));
        }

        string merged = Path.Combine(output, "merged");
        var (mergeExit, mergeText) = await RunAsync("merge", dirs[0], dirs[1], dirs[2], "--out", merged);
        Assert.True(mergeExit == 0, mergeText);
        var result = ResultsJson.Read(Path.Combine(merged, ResultsJson.FileName));
        var scenario = Assert.Single(result.Scenarios);

        // Counts add up exactly.
        Assert.Equal(shards.Sum(s => s.Scenarios[0].Scheduled), scenario.Scheduled);
        Assert.Equal(Items, shards.Sum(s => s.Seeding[0].Items));
        foreach (var op in scenario.Operations)
        {
            var parts = shards.Select(s => s.Scenarios[0].Operations.Single(o => o.Name == op.Name)).ToArray();
            Assert.Equal(parts.Sum(p => p.Completed), op.Completed);
            Assert.Equal(parts.Sum(p => p.Count("ok")), op.Count("ok"));
            Assert.Equal(parts.Sum(p => p.Attempts), op.Attempts);

            // Percentiles of the combined histograms, decoded and added here rather than by the merger.
            var combined = LatencyScale.NewHistogram();
            foreach (var p in parts) combined.Add(HistogramCodec.Decode(p.LatencyHistogram!));
            Assert.Equal(combined.TotalCount, op.Latency.Count);
            foreach (var (percentile, reported) in new[] { (50.0, op.Latency.P50Ms), (90.0, op.Latency.P90Ms), (99.0, op.Latency.P99Ms), (99.9, op.Latency.P999Ms) })
            {
                double expected = LatencyScale.ToMilliseconds(combined.GetValueAtPercentile(percentile));
                // Within the histogram's precision (3 significant digits: 0.1 % of the value), plus the microsecond unit.
                Assert.True(Math.Abs(reported - expected) <= (expected * 0.001) + 0.001, $"{op.Name} p{percentile}: merged {reported} ms, combined {expected} ms");
            }

            Assert.Equal(LatencyScale.ToMilliseconds(combined.GetMaxValue()), op.Latency.MaxMs);
        }

        // One process at the whole rate against a fresh table: the same planned operations, give or take the edges.
        await LocalTables.DeleteQuietlyAsync(client, shards[0].Run.Shard!.Slices![0].Table);
        var single = await RunSuiteAsync(Path.Combine(output, "single"));
        Assert.Equal(Items, Assert.Single(single.Seeding).Items);
        Assert.InRange(single.Scenarios[0].Scheduled, scenario.Scheduled - 3, scenario.Scheduled + 3);
        // Completed, or left undone at the end (dropped, cancelled): a stall of a busy machine moves operations from the first to the second.
        static long CarriedOut(ScenarioResult s) => s.Operations.Sum(o => o.Completed) + s.Dropped + s.Cancelled;
        Assert.InRange(CarriedOut(single.Scenarios[0]), CarriedOut(scenario) - 3, CarriedOut(scenario) + 3);
        Assert.True(single.Scenarios[0].Dropped + single.Scenarios[0].Cancelled <= single.Scenarios[0].Scheduled / 10, $"the single run left {single.Scenarios[0].Dropped} dropped and {single.Scenarios[0].Cancelled} cancelled");
    }

    [Fact]
    public async Task Merge_refuses_a_shard_given_twice_and_a_shard_of_another_suite()
    {
        string a = Path.Combine(output, "a");
        string b = Path.Combine(output, "b");
        string other = Path.Combine(output, "other");
        await RunSuiteAsync(a, "--shard", "0/3", "--run-group", "it-refuse", "--duration-scale", "0.3");
        await RunSuiteAsync(b, "--shard", "1/3", "--run-group", "it-refuse", "--duration-scale", "0.3");
        var (otherExit, otherText) = await RunAsync("run", RepositoryPaths.Scenario("quickstart.yaml"), "--duration-scale", "0.02",
            "--endpoint", target.Endpoint.ToString(), "--shard", "2/3", "--run-group", "it-refuse", "--out", other, "--plain");
        Assert.True(otherExit == 0, otherText);

        var (twiceExit, twiceText) = await RunAsync("merge", a, a, b, "--out", Path.Combine(output, "m1"));
        Assert.Equal(2, twiceExit);
        Assert.Contains("shard 0 appears twice", twiceText);

        var (suiteExit, suiteText) = await RunAsync("merge", a, b, other, "--out", Path.Combine(output, "m2"));
        Assert.Equal(2, suiteExit);
        Assert.Contains("suite 'quickstart'", suiteText);
        Assert.DoesNotContain("   at ", suiteText + twiceText, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "m1")) || Directory.Exists(Path.Combine(output, "m2")));
    }
}
