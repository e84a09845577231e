using LoadLab.IntegrationTests.Support;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>Bad input gives a clear message with its location and exit code 2 (3 for an unreachable target), never a stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-bad-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRunner.RunWithoutStackTraceAsync(args);

    private string Suite(string name, string yaml)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>A small valid suite; <paramref name="extra"/> adds top-level lines.</summary>
    private static string ValidSuite(string name, string extra = "") => $$"""
        name: {{name}}
        {{extra}}
        tables:
          items: { name: Items, key: { pk: S } }
        data:
          items: { model: customer, items: 10 }
        scenarios:
          - name: s
            table: items
            mix: { get: 1 }
            load:
              - { rate: 10, for: 1s }
        """;

    [Fact]
    public async Task Missing_suite_file()
    {
        var (exit, output) = await RunAsync("run", Path.Combine(folder, "nope.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("nope.yaml", output);
        Assert.Contains("not found", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Yaml_syntax_error_names_line_and_column()
    {
        string path = Suite("broken.yaml", "name: x\ntables:\n  items: { name: T, key: { pk: S }\nscenarios: []\n");
        var (exit, output) = await RunAsync("run", path);
        Assert.Equal(2, exit);
        Assert.Matches(@"broken\.yaml:\d+:\d+", output);
    }

    [Fact]
    public async Task Unknown_key_and_wrong_type_are_both_reported_with_positions()
    {
        string path = Suite("typos.yaml", """
            name: typos
            tables:
              items: { name: Items, key: { pk: S } }
            data:
              items: { model: customer, items: 10 }
            scenarios:
              - name: s
                table: items
                mix: { get: 1 }
                maxInFlihgt: 5
                load:
                  - { rate: fast, for: 1s }
            """);
        var (exit, output) = await RunAsync("run", path);
        Assert.Equal(2, exit);
        Assert.Contains("typos.yaml:10:", output);
        Assert.Contains("maxInFlight", output);
        Assert.Contains("typos.yaml:12:", output);
    }

    [Fact]
    public async Task Unknown_option_suggests_the_right_one()
    {
        var (exit, output) = await RunAsync("run", "x.yaml", "--duraton-scale", "0.1");
        Assert.Equal(2, exit);
        Assert.Contains("--duration-scale", output);
    }

    [Fact]
    public async Task Unknown_command_suggests_the_right_one()
    {
        var (exit, output) = await RunAsync("rnu");
        Assert.Equal(2, exit);
        Assert.Contains("Did you mean 'run'", output);
    }

    [Fact]
    public async Task Unreachable_endpoint_exits_3_and_writes_nothing()
    {
        string path = Suite("ok.yaml", ValidSuite("ok"));
        string outDir = Path.Combine(folder, "out");
        // Port 9 (discard) on loopback: nothing listens there.
        var (exit, output) = await RunAsync("run", path, "--endpoint", "http://127.0.0.1:9", "--out", outDir);
        Assert.Equal(3, exit);
        Assert.Contains("Cannot reach DynamoDB at http://127.0.0.1:9", output);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task Prod_is_refused_before_anything_is_touched()
    {
        string path = Suite("prod.yaml", ValidSuite("prod", "environment: prod"));
        var (exit, output) = await RunAsync("run", path, "--endpoint", "http://127.0.0.1:9");
        Assert.Equal(2, exit);
        Assert.Contains("Refusing to run against prod", output);
    }
}
