using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;
using static LoadLab.IntegrationTests.Support.CliRunner;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>Sharded runs against the real local target, merged exactly by `loadlab merge`; and `loadlab plan`, which touches nothing.</summary>
[Collection("local-target")]
public sealed class ShardMergeAndPlanTests(LocalTargetFixture target) : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("loadlab-shards-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    [Fact]
    public async Task Two_shards_merge_into_counts_that_add_up_and_percentiles_of_the_combined_histograms()
    {
        var dirs = new List<string>();
        var texts = new List<string>();
        for (int i = 0; i < 2; i++)
        {
            string dir = Path.Combine(output, $"shard-{i}");
            dirs.Add(dir);
            var (exit, text) = await RunAsync("run", RepositoryPaths.Scenario("quickstart.yaml"), "--duration-scale", "0.05",
                "--endpoint", target.Endpoint.ToString(), "--shard", $"{i}/2", "--run-group", "it-merge", "--out", dir, "--plain");
            Assert.True(exit == 0, text);
            texts.Add(text);
        }

        var shards = dirs.Select(d => ResultsJson.Read(Path.Combine(d, ResultsJson.FileName))).ToArray();
        // Every shard names the suite's seed (shard 0 draws its operations from it); the others say which seed they draw from.
        long suiteSeed = shards[0].Run.Seed;
        Assert.Contains(FormattableString.Invariant($"environment local, seed {suiteSeed}\n"), texts[0].Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"seed {suiteSeed} (shard 1/2 draws its operations from seed {shards[1].Run.Seed})"), texts[1], StringComparison.Ordinal);
        Assert.All(shards, s => Assert.Equal("it-merge", s.Run.Shard!.RunGroup));
        string merged = Path.Combine(output, "merged");
        var (mergeExit, mergeText) = await RunAsync("merge", dirs[0], dirs[1], "--out", merged);
        Assert.True(mergeExit == 0, mergeText);

        var result = ResultsJson.Read(Path.Combine(merged, ResultsJson.FileName));
        var scenario = Assert.Single(result.Scenarios);
        Assert.Equal(shards.Sum(s => s.Scenarios[0].Scheduled), scenario.Scheduled);
        foreach (var op in scenario.Operations)
        {
            var parts = shards.Select(s => s.Scenarios[0].Operations.Single(o => o.Name == op.Name)).ToArray();
            Assert.Equal(parts.Sum(p => p.Completed), op.Completed);
            Assert.Equal(parts.Sum(p => p.WriteUnits) + parts.Sum(p => p.ReadUnits), op.WriteUnits + op.ReadUnits, 3);
            var combined = LatencyScale.NewHistogram();
            foreach (var p in parts) combined.Add(HistogramCodec.Decode(p.LatencyHistogram!));
            Assert.Equal(LatencySummary.From(combined), op.Latency);
        }

        Assert.True(File.Exists(Path.Combine(merged, "summary.md")));
    }

    [Fact]
    public async Task Plan_shows_real_table_names_and_expected_operations_and_touches_nothing()
    {
        string cwd = Directory.GetCurrentDirectory();
        var (exit, text) = await RunAsync("plan", RepositoryPaths.Scenario("quickstart.yaml"), "--env", "staging");
        Assert.True(exit == 0, text);
        Assert.Contains("stg_Quickstart", text);
        // ramp 0→200/s over 10 s = 1,000 arrivals, then 200/s for 30 s = 6,000.
        Assert.Contains("1,000", text);
        Assert.Contains("6,000", text);
        Assert.Contains("7,000", text);
        Assert.Equal(cwd, Directory.GetCurrentDirectory());
        Assert.Contains("Nothing was created or changed", text);
    }
}
