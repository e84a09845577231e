using System.Text.RegularExpressions;
using LoadLab.Cli;
using LoadLab.Core.Results;
using LoadLab.Reports.Json;
using LoadLab.Reports.Variants;
using LoadLab.UnitTests.Cli.Support;
using Spectre.Console;
using Spectre.Console.Rendering;
using Spectre.Console.Testing;

namespace LoadLab.UnitTests.Cli;

/// <summary>
/// <c>loadlab simulate</c> through the real command line, in process (it needs no target): what it writes, its exit
/// codes, its refusals and their positions, determinism by seed, and Ctrl+C. Virtual time only: no wall-clock assertion.
/// </summary>
public sealed partial class SimulateCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-simulate-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Out(string name = "out") => Path.Combine(folder, name);

    private string Suite(string mix = "{ get: 80, put: 20 }", string load = "{ rate: 50, for: 20s }", string budgets = "", string name = "suite.yaml", string tail = "", string key = "{ pk: S }")
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, $"""
            name: sim
            tables:
              items:
                name: Items
                key: {key}
                capacity: {"{ mode: on-demand }"}
            data:
              items: {"{ model: customer, items: 200 }"}
            scenarios:
              - name: browse
                table: items
                mix: {mix}
                load:
                  - {load}
            {budgets}
            {tail}
            """);
        return path;
    }

    [Fact]
    public async Task A_simple_suite_simulates_exits_0_and_writes_reports_that_say_they_were_simulated()
    {
        var (exit, output) = await InProcessCli.RunCleanAsync("simulate", Suite(), "--out", Out());

        Assert.True(exit == 0, output);
        var result = ResultsJson.Read(Path.Combine(Out(), ResultsJson.FileName));
        Assert.Equal("simulated", result.Run.Target.Kind);
        var simulation = Assert.IsType<SimulationInfo>(result.Run.Simulation);
        Assert.True(simulation.Attempts > 0);
        Assert.False(result.Run.Interrupted);
        var scenario = Assert.Single(result.Scenarios);
        Assert.Equal(["get", "put"], scenario.Operations.Select(o => o.Name));
        Assert.Equal(1000, scenario.Operations.Sum(o => o.Completed)); // 50/s for 20 s of virtual time
        Assert.All(scenario.Operations, o => Assert.True(o.Latency.P99Ms > 0, o.Name));

        string html = File.ReadAllText(Path.Combine(Out(), "report.html"));
        Assert.Contains("Simulated on virtual time", html, StringComparison.Ordinal);
        Assert.Contains("Latency by percentile (simulated)", html, StringComparison.Ordinal);
        string summary = File.ReadAllText(Path.Combine(Out(), "summary.md"));
        Assert.Contains("Simulated on virtual time", summary, StringComparison.Ordinal);
        Assert.Contains("p99 ok (simulated)", summary, StringComparison.Ordinal);
        Assert.Contains($"Results: {Path.Combine(Out(), ResultsJson.FileName)}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_budget_exits_1()
    {
        // Modelled gets take a few milliseconds: a 1 ms p99 cannot be met.
        string suite = Suite(budgets: "budgets:\n  - { scenario: browse, op: get, p99: 1ms }");

        var (exit, output) = await InProcessCli.RunCleanAsync("simulate", suite, "--out", Out());

        Assert.True(exit == 1, output);
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Out(), ResultsJson.FileName)));
    }

    [Fact]
    public async Task Operations_simulate_does_not_carry_out_are_refused_at_their_place_in_the_file_exit_2_and_nothing_is_written()
    {
        string suite = Suite(mix: "\n      get: 80\n      scan: 1\n      query: { weight: 5, filter: 'attribute_exists(email)' }", key: "{ pk: S, sk: S }");

        var (exit, output) = await InProcessCli.RunCleanAsync("simulate", suite, "--out", Out());

        Assert.True(exit == 2, output);
        Assert.True(output.Contains($"Suite '{suite}' cannot be simulated yet (2 errors):", StringComparison.Ordinal), output);
        // mix: is on line 12; its entries are on the lines below, indented by six.
        Assert.Contains($"{suite}:14:7: Scenario 'browse', operation 'scan': simulate does not carry out scan yet; it supports get, put, update, delete, query.", output, StringComparison.Ordinal);
        Assert.Contains($"{suite}:15:7: Scenario 'browse', operation 'query': filter is not simulated yet", output, StringComparison.Ordinal);
        Assert.Contains($"How to fix: change the suite as each line says, or run it against the local target instead (loadlab run {suite})", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out()), "a refused simulation creates no report folder");
    }

    [Fact]
    public async Task A_scenario_simulate_cannot_play_is_refused_at_its_table()
    {
        string path = Path.Combine(folder, "nodata.yaml");
        File.WriteAllText(path, """
            name: nodata
            tables:
              items: { name: Items, key: { pk: S } }
              other: { name: Other, key: { pk: S } }
            data:
              items: { model: customer, items: 10 }
            scenarios:
              - name: a
                table: other
                mix: { get: 1 }
                load: [ { rate: 10, for: 2s } ]
            """);

        var (exit, output) = await InProcessCli.RunCleanAsync("simulate", path, "--out", Out());

        Assert.True(exit == 2, output);
        Assert.Contains($"{path}:9:12: Scenario 'a' targets table 'other', which has no data set", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out()));
    }

    [Fact]
    public async Task A_problem_every_variant_shares_is_given_once_and_no_variant_plays()
    {
        string suite = Suite(
            mix: "{ get: 80, scan: 1 }",
            tail: "variants:\n  - name: roomy\n  - name: small\n    capacity: { mode: provisioned, read: 5, write: 5 }");

        var (exit, output) = await InProcessCli.RunCleanAsync("simulate", suite, "--out", Out());

        Assert.True(exit == 2, output);
        Assert.Contains($"Suite '{suite}' cannot be simulated yet (1 error):", output, StringComparison.Ordinal);
        Assert.Contains($"{suite}:12:21: Scenario 'browse', operation 'scan': simulate does not carry out scan yet", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(variant", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Variant 1/2", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out()));
    }

    [Theory]
    [InlineData("--duration-scale", "0", "--duration-scale '0' must be a number from 0.001 to 100")]
    [InlineData("--seed", "x", "--seed 'x' must be a whole number")]
    [InlineData("--simulator", "bogus=1", "Unknown simulator parameter 'bogus'. Allowed: region")]
    [InlineData("--preset", "nope", "--preset 'nope' is not a simulator preset; use one of documented, optimistic, legacy-no-adaptive")]
    public async Task Bad_options_exit_2_with_a_clear_message_and_write_nothing(string option, string value, string message)
    {
        var (exit, output) = await InProcessCli.RunCleanAsync("simulate", Suite(), "--out", Out(), option, value);

        Assert.True(exit == 2, output);
        Assert.Contains("loadlab simulate: ", output, StringComparison.Ordinal);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out()));
    }

    [Fact]
    public async Task A_suite_with_variants_writes_one_folder_each_and_the_comparison_and_exits_as_the_worst()
    {
        string suite = Suite(
            mix: "{ get: 50, put: 50 }",
            load: "{ rate: 50, for: 30s }",
            budgets: "budgets:\n  - { throttled: \"< 1%\" }",
            tail: "variants:\n  - name: roomy\n  - name: starved\n    capacity: { mode: provisioned, read: 1, write: 1 }");

        var (exit, output) = await InProcessCli.RunCleanAsync("simulate", suite, "--out", Out());

        Assert.True(exit == 1, output);
        var roomy = ResultsJson.Read(Path.Combine(Out(), "roomy", ResultsJson.FileName));
        var starved = ResultsJson.Read(Path.Combine(Out(), "starved", ResultsJson.FileName));
        Assert.Equal("simulated", roomy.Run.Target.Kind);
        Assert.Equal("simulated", starved.Run.Target.Kind);
        Assert.Equal(0, roomy.Scenarios.Single().Operations.Sum(o => o.ThrottledAttempts));
        Assert.True(starved.Scenarios.Single().Operations.Sum(o => o.ThrottledAttempts) > 0, "one write unit cannot carry 25 puts a second");
        Assert.True(File.Exists(Path.Combine(Out(), ComparisonJson.FileName)));
        Assert.Contains($"Comparison: {Path.Combine(Out(), "comparison.md")}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_figures_and_another_seed_other_ones()
    {
        string suite = Suite(mix: "{ get: 60, put: 20, update: 10, delete: 10 }", load: "{ rate: 100, for: 20s }");

        var first = await FiguresAsync(suite, "a", "7");
        var again = await FiguresAsync(suite, "b", "7");
        var other = await FiguresAsync(suite, "c", "8");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    private async Task<string> FiguresAsync(string suite, string name, string seed)
    {
        var (exit, output) = await InProcessCli.RunCleanAsync("simulate", suite, "--out", Out(name), "--seed", seed);
        Assert.True(exit == 0, output);
        var result = ResultsJson.Read(Path.Combine(Out(name), ResultsJson.FileName));
        return string.Join("\n", result.Scenarios.SelectMany(s => s.Operations).Select(o =>
            $"{o.Name} {o.Scheduled} {o.Completed} {string.Join(",", o.Outcomes.OrderBy(p => p.Key))} {o.Attempts} {o.ThrottledAttempts} "
            + $"{o.ReadUnits:R} {o.WriteUnits:R} {o.ItemsReturned} {o.Latency} {o.ServiceTime}"));
    }

    [Fact]
    public async Task Ctrl_c_after_the_first_progress_line_exits_130_and_writes_partial_results_marked_interrupted()
    {
        // A day of traffic: far longer than the wall seconds before the first progress line.
        string suite = Suite(load: "{ rate: 500, for: 24h }");
        using var stop = new CancellationTokenSource();
        var console = new WatchingConsole(TestConsoleExtensions.Width(new TestConsole(), 250), output =>
        {
            if (ProgressLine().IsMatch(output))
                stop.Cancel();
        });

        int exit = await LoadLabApp.RunAsync(["simulate", suite, "--out", Out()], console, stop.Token);

        string text = console.Inner.Output;
        InProcessCli.AssertNoStackTrace(text, ["simulate", suite]);
        Assert.True(exit == 130, text);
        Assert.Contains("Interrupted: the results are partial.", text, StringComparison.Ordinal);
        var result = ResultsJson.Read(Path.Combine(Out(), ResultsJson.FileName));
        Assert.True(result.Run.Interrupted);
        var scenario = Assert.Single(result.Scenarios);
        long completed = scenario.Operations.Sum(o => o.Completed);
        Assert.True(completed > 0, "the simulation was stopped before any operation");
        Assert.True(completed < 500L * 24 * 3600, "the whole day was simulated although Ctrl+C came first");
        Assert.True(File.Exists(Path.Combine(Out(), "report.html")));
    }

    [Theory]
    [InlineData("{ get: 80, put: 20 }", "{ rate: 50, for: 2h }", true)]
    [InlineData("{ get: 80, put: 20 }", "{ rate: 50, for: 20m }", false)]
    [InlineData("{ get: 80, scan: 1 }", "{ rate: 50, for: 2h }", false)]
    public async Task Plan_suggests_simulate_for_a_long_load_that_simulate_can_carry_out(string mix, string load, bool suggested)
    {
        string suite = Suite(mix: mix, load: load);

        var (exit, output) = await InProcessCli.RunCleanAsync("plan", suite);

        Assert.True(exit == 0, output);
        Assert.Equal(suggested, output.Contains($"The load lasts 2h of real time: 'loadlab simulate {suite}' plays it", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Out()));
    }

    [GeneratedRegex(@"Simulated .+ of .+ \(\d+ ?%\) in ")]
    private static partial Regex ProgressLine();

    /// <summary>A console that lets the test see what was written as soon as it is, to act on it (as a user pressing Ctrl+C does).</summary>
    private sealed class WatchingConsole(TestConsole inner, Action<string> written) : IAnsiConsole
    {
        public TestConsole Inner { get; } = inner;

        public Profile Profile => Inner.Profile;

        public IAnsiConsoleCursor Cursor => Inner.Cursor;

        public IAnsiConsoleInput Input => Inner.Input;

        public IExclusivityMode ExclusivityMode => Inner.ExclusivityMode;

        public RenderPipeline Pipeline => Inner.Pipeline;

        public void Clear(bool home) => Inner.Clear(home);

        public void Write(IRenderable renderable)
        {
            Inner.Write(renderable);
            written(Inner.Output);
        }

        public void WriteAnsi(Action<AnsiWriter> action)
        {
            Inner.WriteAnsi(action);
            written(Inner.Output);
        }
    }
}
