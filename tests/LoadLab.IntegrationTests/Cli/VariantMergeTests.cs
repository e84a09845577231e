using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;
using static LoadLab.IntegrationTests.Support.CliRunner;
using LoadLab.Reports.Json;
using LoadLab.Reports.Variants;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>Shards of a suite with variants merge variant by variant, and the merged variants are compared as a run compares them.</summary>
[Collection("local-target")]
public sealed class VariantMergeTests(LocalTargetFixture target) : IDisposable
{
    private static readonly string[] Variants = ["provisioned", "on-demand"];

    private readonly string output = Directory.CreateTempSubdirectory("loadlab-variant-merge-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    [Fact]
    public async Task Two_shards_of_a_suite_with_variants_merge_per_variant_and_into_a_comparison()
    {
        var dirs = new List<string>();
        for (int i = 0; i < 2; i++)
        {
            string dir = Path.Combine(output, $"shard-{i}");
            dirs.Add(dir);
            var (exit, text) = await RunAsync("run", RepositoryPaths.Scenario("capacity-compare.yaml"), "--duration-scale", "0.1",
                "--endpoint", target.Endpoint.ToString(), "--shard", $"{i}/2", "--run-group", "it-variant-merge", "--out", dir, "--plain", "--yes");
            Assert.True(exit == 0, text);
        }

        string merged = Path.Combine(output, "merged");
        var (mergeExit, mergeText) = await RunAsync("merge", dirs[0], dirs[1], "--out", merged);
        Assert.True(mergeExit == 0, mergeText);

        foreach (string variant in Variants)
        {
            var shards = dirs.Select(d => ResultsJson.Read(Path.Combine(d, variant, ResultsJson.FileName))).ToArray();
            var result = ResultsJson.Read(Path.Combine(merged, variant, ResultsJson.FileName));
            Assert.Equal(variant, result.Run.Variant);
            var scenario = Assert.Single(result.Scenarios);
            Assert.True(scenario.Operations.Sum(o => o.Completed) > 0, variant);
            foreach (var op in scenario.Operations)
                Assert.Equal(shards.Sum(s => s.Scenarios[0].Operations.Single(o => o.Name == op.Name).Completed), op.Completed);
        }

        string comparison = await File.ReadAllTextAsync(Path.Combine(merged, ComparisonWriter.MarkdownFile));
        Assert.All(Variants, v => Assert.Contains(v, comparison, StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(merged, ComparisonWriter.HtmlFile)));

        // Mixed inputs (a folder of variants beside a single run's folder) are refused: MergeRefusalTests, on synthetic results.
    }
}
