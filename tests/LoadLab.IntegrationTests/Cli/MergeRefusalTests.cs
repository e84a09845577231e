using LoadLab.Core.Results;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;
using static LoadLab.IntegrationTests.Support.CliRunner;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// `loadlab merge` refuses inputs that are not the shards of one run. What it checks is the results' metadata and the
/// folders' layout, so the inputs are synthetic results files: no target, no engine run.
/// </summary>
public sealed class MergeRefusalTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("loadlab-merge-refusal-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    /// <summary>Writes a synthetic shard's results.json into <paramref name="folder"/> (below the test's folder).</summary>
    private async Task<string> WriteShardAsync(string folder, string group, int index, int count, string? variant = null, int startedSecond = 0)
    {
        var run = SyntheticRun.Create(SyntheticRun.Scenario("browse", SyntheticRun.Operation("get", SyntheticRun.Steady(3, 10, 2_000))));
        run = run with
        {
            Run = run.Run with
            {
                RunId = $"{group}-{index}{variant}",
                Suite = "merge-refusal",
                Variant = variant,
                StartedAt = run.Run.StartedAt.AddSeconds(startedSecond),
                Shard = new ShardInfo(group, index, count),
            },
        };
        string directory = Path.Combine(output, folder);
        await ResultsJson.WriteAsync(run, directory);
        return directory;
    }

    [Fact]
    public async Task Merge_refuses_shards_of_different_run_groups()
    {
        string a = await WriteShardAsync("g-a", "g-a", 0, 2);
        string b = await WriteShardAsync("g-b", "g-b", 1, 2);

        var (mergeExit, mergeText) = await RunAsync("merge", a, b, "--out", Path.Combine(output, "m"));

        Assert.Equal(2, mergeExit);
        Assert.Contains("run group g-b", mergeText);
        Assert.DoesNotContain("   at ", mergeText, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "m")));
    }

    [Fact]
    public async Task A_folder_of_variants_and_a_single_runs_folder_are_not_shards_of_one_run()
    {
        // Shard 0 of a suite with variants: one sub-folder per variant. Shard 1 given as one variant's results only.
        await WriteShardAsync(Path.Combine("shard-0", "provisioned"), "g", 0, 2, variant: "provisioned", startedSecond: 0);
        await WriteShardAsync(Path.Combine("shard-0", "on-demand"), "g", 0, 2, variant: "on-demand", startedSecond: 10);
        string single = await WriteShardAsync("single", "g", 1, 2, variant: "provisioned");

        var (mixedExit, mixedText) = await RunAsync("merge", Path.Combine(output, "shard-0"), single, "--out", Path.Combine(output, "mixed"));

        Assert.Equal(2, mixedExit);
        Assert.Contains("holds one run's results but", mixedText, StringComparison.Ordinal);
        Assert.Contains("(on-demand, provisioned)", mixedText, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", mixedText, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "mixed")));
    }

    [Fact]
    public async Task Shards_with_different_variants_are_refused()
    {
        await WriteShardAsync(Path.Combine("shard-0", "provisioned"), "g", 0, 2, variant: "provisioned");
        await WriteShardAsync(Path.Combine("shard-0", "on-demand"), "g", 0, 2, variant: "on-demand", startedSecond: 10);
        await WriteShardAsync(Path.Combine("shard-1", "provisioned"), "g", 1, 2, variant: "provisioned");

        var (exit, text) = await RunAsync("merge", Path.Combine(output, "shard-0"), Path.Combine(output, "shard-1"), "--out", Path.Combine(output, "m"));

        Assert.Equal(2, exit);
        Assert.Contains("holds variants provisioned but", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "m")));
    }
}
