using LoadLab.Cli.Settings;
using LoadLab.Core.Errors;
using LoadLab.UnitTests.Cli.Support;

namespace LoadLab.UnitTests.Cli;

/// <summary>How each command reads its command line: values, switches, arguments, and the usage errors that name the command.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true, "--teardown")]
    [InlineData(true, "--teardown=true")]
    [InlineData(false, "--teardown=false")]
    [InlineData(true, "--teardown", "true")]
    [InlineData(false, "--teardown", "false")]
    [InlineData(false, "--teardown=False")]
    public void Teardown_means_what_it_says(bool expected, params string[] teardown)
    {
        var settings = SettingsParser.Parse<RunSettings>(["run", "s.yaml", .. teardown]);

        Assert.Equal(expected, settings.Options.Safety.Teardown);
    }

    [Theory]
    [InlineData("--seed=5", null, 5)]
    [InlineData("--seed", "5", 5)]
    [InlineData("--seed=-5", null, -5)]
    [InlineData("--seed", "-5", -5)]
    public void Values_follow_the_option_with_a_space_or_an_equals_sign(string option, string? value, long expected)
    {
        string[] args = value is null ? ["run", "s.yaml", option] : ["run", "s.yaml", option, value];

        Assert.Equal(expected, SettingsParser.Parse<RunSettings>(args).Options.Seed);
    }

    [Fact]
    public void Run_options_map_onto_run_options_and_safety_options()
    {
        var options = SettingsParser.Parse<RunSettings>(
            "run", "s.yaml", "--env", "staging", "--endpoint", "http://127.0.0.1:8000", "--region", "eu-west-1", "--out=out", "--duration-scale", "0.5",
            "--plain", "--max-cost", "$5", "--allow-prod", "--yes", "--show-account", "--shard", "1/3", "--start-at", "2026-12-01T10:00:00Z").Options;

        Assert.Equal(("s.yaml", "staging", "http://127.0.0.1:8000/", "eu-west-1", true, "out", 0.5, true), (options.SuitePath, options.Environment, options.Endpoint?.ToString(), options.Region, options.RegionGiven, options.OutDirectory, options.DurationScale, options.Plain));
        Assert.Equal((true, true, 5.0, true, false), (options.Safety.AllowProd, options.Safety.Yes, options.Safety.MaxCostDollars, options.Safety.ShowAccount, options.Safety.Teardown));
        Assert.Equal((1, 3, "20261201-100000"), (options.Shard!.Index, options.Shard.Count, options.Shard.RunGroup));
    }

    [Fact]
    public void Seed_and_teardown_take_their_own_options()
    {
        var seed = SettingsParser.Parse<SeedSettings>("seed", "s.yaml", "--seed", "7", "--yes").Options;
        var teardown = SettingsParser.Parse<TeardownSettings>("teardown", "s.yaml", "--include-kept", "--region", "eu-west-1").Options;

        Assert.Equal((7L, true, "us-east-1", false), (seed.Seed, seed.Safety.Yes, seed.Region, seed.RegionGiven));
        Assert.Equal((true, false, "eu-west-1", true), (teardown.Safety.IncludeKept, teardown.Safety.Yes, teardown.Region, teardown.RegionGiven));
    }

    [Fact]
    public async Task Plan_names_itself_in_its_errors()
    {
        var (exit, output) = await InProcessCli.RunCleanAsync("plan", "x.yaml", "--seed", "abc");

        Assert.Equal(2, exit);
        Assert.StartsWith("loadlab plan: --seed 'abc' must be a whole number", output, StringComparison.Ordinal);
        Assert.DoesNotContain("loadlab run", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("teardown")]
    [InlineData("run")]
    public async Task A_bad_endpoint_is_reported_by_the_command_that_was_given(string command)
    {
        var (exit, output) = await InProcessCli.RunCleanAsync(command, "x.yaml", "--endpoint", "not-a-url");

        Assert.Equal(2, exit);
        Assert.StartsWith($"loadlab {command}: --endpoint 'not-a-url' is not an http(s) URL", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--duraton-scale", "--duration-scale")]
    [InlineData("plan", "--sede", "--seed")]
    [InlineData("seed", "--endpont", "--endpoint")]
    [InlineData("teardown", "--include-kep", "--include-kept")]
    [InlineData("local", "--prot", "--port")]
    [InlineData("compare", "--tolerence", "--tolerance")]
    [InlineData("report", "--outt", "--out")]
    [InlineData("merge", "--suit", "--suite")]
    public async Task An_unknown_option_is_named_with_the_closest_one(string command, string typo, string meant)
    {
        // The option comes first: it must not swallow the argument after it and leave that "missing".
        var (exit, output) = await InProcessCli.RunCleanAsync(command, typo, "x", "y.json");

        Assert.Equal(2, exit);
        Assert.StartsWith($"loadlab {command}: unknown option {typo}. Did you mean {meant}?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_named_with_the_closest_one()
    {
        var (exit, output) = await InProcessCli.RunCleanAsync("rnu");

        Assert.Equal(2, exit);
        Assert.Contains("Did you mean 'run'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing SUITE.yaml.", "run")]
    [InlineData("unexpected argument 'extra.yaml'.", "plan", "x.yaml", "extra.yaml")]
    [InlineData("unexpected argument 'extra'.", "local", "extra")]
    [InlineData("--seed needs a value: seed for data and key choice", "run", "x.yaml", "--seed")]
    [InlineData("--plain is a switch: give it alone or as --plain=true / --plain=false.", "run", "x.yaml", "--plain=yes")]
    [InlineData("unexpected argument(s) after --: more", "plan", "x.yaml", "--", "more")]
    public async Task Usage_errors_say_what_is_wrong(string message, params string[] args)
    {
        var (exit, output) = await InProcessCli.RunCleanAsync(args);

        Assert.Equal(2, exit);
        Assert.StartsWith($"loadlab {args[0]}: {message}", output, StringComparison.Ordinal);
        Assert.Contains($"Run 'loadlab {args[0]} --help' for its options.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_takes_two_files_or_a_baseline_and_one()
    {
        var two = SettingsParser.Parse<CompareSettings>("compare", "a.json", "b.json", "--tolerance", "2.5%", "--metric", "p50,max");
        var baseline = SettingsParser.Parse<CompareSettings>("compare", "--baseline", "main", "b.json");

        Assert.Equal(("a.json", "b.json", 2.5), (two.First, two.Second, two.TolerancePercent));
        Assert.Equal(["p50", "max"], two.Metrics.Select(m => m.Name));
        Assert.Equal(("b.json", null, "main"), (baseline.First, baseline.Second, baseline.Baseline));
        Assert.Contains("missing B.json", Assert.Throws<InvalidInputException>(() => SettingsParser.Parse<CompareSettings>("compare", "a.json")).Message, StringComparison.Ordinal);
        Assert.Contains("unexpected argument 'c.json'", Assert.Throws<InvalidInputException>(() => SettingsParser.Parse<CompareSettings>("compare", "--save-baseline", "x", "b.json", "c.json")).Message, StringComparison.Ordinal);
        Assert.Contains("not both", Assert.Throws<InvalidInputException>(() => SettingsParser.Parse<CompareSettings>("compare", "--baseline", "x", "--save-baseline", "y", "b.json")).Message, StringComparison.Ordinal);
        Assert.Contains("--tolerance 'ten'", Assert.Throws<InvalidInputException>(() => SettingsParser.Parse<CompareSettings>("compare", "a.json", "b.json", "--tolerance", "ten")).Message, StringComparison.Ordinal);
        Assert.StartsWith("loadlab compare: --metric", Assert.Throws<InvalidInputException>(() => SettingsParser.Parse<CompareSettings>("compare", "a.json", "b.json", "--metric", "q99")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_takes_any_number_of_shards()
    {
        Assert.Equal(["a", "b", "c"], SettingsParser.Parse<MergeSettings>("merge", "a", "b", "c", "--out", "m").Inputs);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var e = Assert.Throws<InvalidInputException>(() => SettingsParser.Parse<RunSettings>("run", "s.yaml", "--seed", "x", "--duration-scale", "0", "--env", "stagign", "--max-cost", "-1"));

        Assert.StartsWith("loadlab run: ", e.Message, StringComparison.Ordinal);
        foreach (string part in new[] { "--seed 'x'", "--duration-scale '0'", "Did you mean 'staging'?", "--max-cost '-1'" })
            Assert.Contains(part, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Teardown_and_shard_do_not_go_together()
    {
        Assert.Contains("--teardown cannot be combined with --shard", Assert.Throws<InvalidInputException>(() => SettingsParser.Parse<RunSettings>("run", "s.yaml", "--teardown", "--shard", "0/2")).Message, StringComparison.Ordinal);
    }
}
