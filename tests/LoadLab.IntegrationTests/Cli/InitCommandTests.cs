using LoadLab.IntegrationTests.Support;
using YamlDotNet.RepresentationModel;

namespace LoadLab.IntegrationTests.Cli;

/// <summary><c>loadlab init</c>: the scaffold passes the real suite loader, never overwrites without --force, and its workflow is valid.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("loadlab-init-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private string Suite => Path.Combine(scratch, "loadlab", "suite.yaml");

    private string Workflow => Path.Combine(scratch, ".github", "workflows", "loadlab.yml");

    [Fact]
    public async Task Scaffolded_suite_passes_plan_with_its_budgets()
    {
        var (exit, output) = await CliRunner.RunWithoutStackTraceAsync("init", scratch);
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(scratch, "loadlab", "environments.yaml")));
        Assert.True(File.Exists(Workflow));

        var plan = await CliRunner.RunWithoutStackTraceAsync("plan", Suite, "--duration-scale", "0.2");
        Assert.True(plan.Exit == 0, plan.Output);
        Assert.Contains("local_Orders", plan.Output, StringComparison.Ordinal);
        // The environments file beside it is read too: dev has literal values, so it resolves without AWS.
        var dev = await CliRunner.RunWithoutStackTraceAsync("plan", Suite, "--env", "dev");
        Assert.True(dev.Exit == 0, dev.Output);
        Assert.Contains("dev_Orders", dev.Output, StringComparison.Ordinal);

        string suite = await File.ReadAllTextAsync(Suite);
        foreach (string budget in new[] { "op: get, p99:", "op: put, p99:", "throttled:", "errors:" })
            Assert.Contains(budget, suite, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Existing_files_are_refused_without_force_and_nothing_is_written()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Workflow)!);
        await File.WriteAllTextAsync(Workflow, "mine");

        var (exit, output) = await CliRunner.RunWithoutStackTraceAsync("init", scratch);

        Assert.Equal(2, exit);
        Assert.Contains("loadlab.yml exists", output, StringComparison.Ordinal);
        Assert.Contains("--force", output, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(Workflow));
        Assert.False(File.Exists(Suite), "a refused init must write nothing, not even the files that did not exist");

        var forced = await CliRunner.RunWithoutStackTraceAsync("init", scratch, "--force");
        Assert.True(forced.Exit == 0, forced.Output);
        Assert.NotEqual("mine", await File.ReadAllTextAsync(Workflow));
        Assert.True(File.Exists(Suite));
    }

    /// <summary>
    /// GitHub's workflow schema, checked offline by @action-validator/cli (pinned in tests/tools/workflow-validator),
    /// then what the workflow must do, read with YamlDotNet.
    /// </summary>
    [Fact]
    public async Task Workflow_is_valid_and_runs_the_suite_on_pull_requests()
    {
        Assert.Equal(0, (await CliRunner.RunAsync("init", scratch)).Exit);

        string validator = Path.Combine(RepositoryPaths.Root, "tests", "tools", "workflow-validator");
        string cli = Path.Combine(validator, "node_modules", "@action-validator", "cli", "cli.mjs");
        if (!File.Exists(cli))
        {
            var ci = await ExternalProcess.RunAsync(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], validator, TimeSpan.FromMinutes(3));
            Assert.True(ci.Exit == 0, ci.Output);
        }

        var check = await ExternalProcess.RunAsync("node", [cli, Workflow], validator, TimeSpan.FromMinutes(1));
        Assert.True(check.Exit == 0, check.Output);

        var yaml = new YamlStream();
        using (var reader = new StreamReader(Workflow))
            yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.True(((YamlMappingNode)root["on"]).Children.ContainsKey("pull_request"));
        var steps = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["jobs"])["load-test"])["steps"]).Children.Cast<YamlMappingNode>().ToList();
        string Value(YamlMappingNode step, string key) => step.Children.TryGetValue(key, out var v) ? ((YamlScalarNode)v).Value ?? "" : "";

        Assert.Contains(steps, s => Value(s, "run").Contains("dotnet tool install", StringComparison.Ordinal));
        var run = Assert.Single(steps, s => Value(s, "run").Contains(" run loadlab/suite.yaml", StringComparison.Ordinal));
        Assert.Contains("--duration-scale 0.2", Value(run, "run"), StringComparison.Ordinal);
        // A broken budget exits 1 and fails this step; nothing may swallow that.
        Assert.Equal("", Value(run, "continue-on-error"));
        var upload = Assert.Single(steps, s => Value(s, "uses").StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        Assert.Equal("always()", Value(upload, "if"));
        Assert.Equal("reports/", ((YamlScalarNode)((YamlMappingNode)upload["with"])["path"]).Value);
    }
}
