using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;
using LoadLab.Reports.Samples;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// Every command with hostile arguments: missing files, folders as files, bad numbers, empty strings, unknown flags,
/// outputs on existing files, unicode junk. Each ends with a message and exit 2 or 3, never a stack trace. Commands
/// that reach a target get an unreachable endpoint first, so nothing that slipped through could run for long.
/// </summary>
public sealed class HostileArgumentsTests : IClassFixture<HostileArgumentsTests.Files>
{
    private const string Junk = "☃💥\u200b\u202e";
    private static readonly string Root = Directory.CreateTempSubdirectory("loadlab-hostile-").FullName;
    private static readonly string Folder = Directory.CreateDirectory(Path.Combine(Root, "folder")).FullName;
    private static readonly string Missing = Path.Combine(Root, "missing.yaml");
    private static readonly string ExistingFile = Write("existing.txt", "not a folder");
    private static readonly string Suite = Write("suite.yaml", """
        name: hostile
        tables:
          items: { name: Items, key: { pk: S } }
        data:
          items: { model: customer, items: 10 }
        scenarios:
          - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 10, for: 1s } ] }
        """);

    /// <summary>A folder <c>loadlab init</c> has already scaffolded: init into it again without --force is refused.</summary>
    private static readonly string Scaffolded = ScaffoldedFolder();

    private static string ScaffoldedFolder()
    {
        string folder = Path.Combine(Root, "scaffolded");
        LoadLab.Cli.Init.ScaffoldWriter.Write(folder, LoadLab.Cli.Init.Scaffold.Files("0.0.0"), force: false);
        return folder;
    }

    private static readonly string Results = ResultsJson.WriteAsync(SampleRun.Create(), Path.Combine(Root, "run")).GetAwaiter().GetResult();

    private static string Write(string name, string text)
    {
        string path = Path.Combine(Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Arguments wrong for any command.</summary>
    private static readonly string[][] Anywhere =
    [
        [""], [Missing], [Folder], [Junk], ["--frobnicate"], ["--frobnicate", "1"], ["-x"], ["---x"], ["-"], ["--="], ["--=" + Junk],
    ];

    /// <summary>For each command: its valid arguments, and option values wrong for it.</summary>
    private static readonly Dictionary<string, (string[] Valid, string[][] Bad)> PerCommand = new()
    {
        ["run"] = ([Suite, "--endpoint", "http://127.0.0.1:9"],
        [
            ["--out", ExistingFile], ["--out", Path.Combine(ExistingFile, "x")], ["--out", ""], ["--seed", "1e400"], ["--seed", ""], ["--duration-scale", "NaN"],
            ["--duration-scale", "-1"], ["--max-cost", "∞"], ["--shard", "3/2"], ["--shard", Junk], ["--start-at", "yesterday"], ["--trace", Junk],
            ["--trace-rate", "nan"], ["--trace-slow-ms", "0"], ["--prices", Junk], ["--simulator", "="], ["--preset", ""], ["--env", "prod "],
            ["--region", ""], ["--endpoint", Junk], ["--teardown=maybe"], ["--plain=" + Junk], ["--teardown", "--shard", "0/2"], ["--run-group", "g"],
        ]),
        ["simulate"] = ([Suite], [["--out", ExistingFile], ["--out", ""], ["--seed", "x"], ["--duration-scale", "0"], ["--preset", Junk], ["--simulator", "="], ["--prices", Junk], ["--env", Junk], [Suite], ["--endpoint", "http://x"], ["--shard", "0/2"]]),
        ["plan"] = ([Suite], [["--seed", "abc"], ["--duration-scale", "0"], ["--env", Junk], ["--env", ""], [Suite], ["--endpoint", "http://x"]]),
        ["seed"] = ([Suite, "--endpoint", "http://127.0.0.1:9"], [["--seed", "x"], ["--endpoint", "ftp://x"], ["--region", Junk], ["--yes=no"], ["--include-kept"]]),
        ["teardown"] = ([Suite, "--endpoint", "http://127.0.0.1:9"], [["--endpoint", ""], ["--include-kept=" + Junk], ["--seed", "1"], ["--env", "qa"]]),
        ["local"] = ([], [["--port", "99999"], ["--port", "-1"], ["--port", Junk], ["--port", ""], ["--persist", ExistingFile], ["--persist", ""], ["--preset", Junk], ["--simulator", Junk], ["extra"]]),
        ["compare"] = ([Results, Results], [["--tolerance", "∞"], ["--metric", Junk], ["--metric", ""], ["--baseline", Junk], ["--save-baseline", ""], ["--baseline", "x", "--save-baseline", "y"], [Results], ["--baseline-dir", ExistingFile, "--baseline", "main"]]),
        ["report"] = ([Results], [["--out", ExistingFile], ["--out", ""], [Results], [Folder]]),
        ["merge"] = ([Results], [["--out", ExistingFile], ["--suite", Missing], ["--suite", Folder], [Folder], [""]]),
        ["dashboard"] = ([Suite, "--region", "eu-west-1"], [["--region", Junk], ["--out", Folder], ["--out", ""], ["--out", Path.Combine(ExistingFile, "x")], ["--env", Junk], ["--seed", "1"], [Suite]]),
        ["init"] = ([], [[ExistingFile], [Path.Combine(ExistingFile, "x")], [""], [Scaffolded], [Scaffolded, "--force=maybe"], [Scaffolded, "extra"], [Scaffolded, "--frobnicate"], [Scaffolded, "-x"]]),
    };

    public static TheoryData<string[]> Cases()
    {
        var cases = new TheoryData<string[]>();
        foreach (var command in LoadLabApp.Commands.Select(c => c.Name))
        {
            var (valid, bad) = PerCommand[command];
            // init takes any folder name and creates it, so alone or with the paths above it would scaffold: its hostile cases are its own.
            if (command == "init")
            {
                foreach (var args in bad)
                    cases.Add([command, .. args]);
                continue;
            }

            // With no arguments local would serve until stopped; every other command needs at least one.
            if (command != "local") cases.Add([command]);
            foreach (var args in Anywhere)
                cases.Add([command, .. args]);
            foreach (var args in bad)
                cases.Add([command, .. valid, .. args]);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Hostile_arguments_end_in_a_message_and_exit_2_or_3(string[] args)
    {
        var (exit, output) = await CliRunner.RunAsync(args);

        string shown = $"loadlab {string.Join(" ", args)} → exit {exit}:\n{output}";
        Assert.True(exit is 2 or 3, shown);
        Assert.False(string.IsNullOrWhiteSpace(output), shown);
        Assert.False(output.Contains("   at ", StringComparison.Ordinal), shown);
        Assert.False(output.Contains("Exception:", StringComparison.Ordinal), shown);
        Assert.False(output.Contains("failed unexpectedly", StringComparison.Ordinal), shown);
    }

    [Fact]
    public void Every_command_has_hostile_cases()
    {
        Assert.Equal(LoadLabApp.Commands.Select(c => c.Name).Order(), PerCommand.Keys.Order());
    }

    /// <summary>The files exist from discovery on (the cases name them); they go when the class's tests are done.</summary>
    public sealed class Files : IDisposable
    {
        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
