using LoadLab.Core.Cost;
using LoadLab.Core.Errors;
using LoadLab.Core.Plans;
using LoadLab.Runner.Planning;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using LoadLab.Runner.Target;

namespace LoadLab.UnitTests.Runner.Planning;

/// <summary>The resolver applies every precedence once: defaults &lt; suite &lt; command line, and the guards over the whole run.</summary>
public sealed class RunResolverTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-resolver-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Suite(string extra = "", string simulator = "") => Write($$"""
        name: resolve
        tables:
          items: { name: Items, key: { pk: S }, capacity: { mode: on-demand } }
        data:
          items: { model: customer, items: 100 }
        scenarios:
          - name: s
            table: items
            mix: { put: 1 }
            load: [ { rate: 100, for: 10s } ]
        {{simulator}}
        {{extra}}
        """);

    private const string TwoVariants = """
        variants:
          - name: first
          - name: second
            capacity: { mode: on-demand }
        """;

    private string Write(string yaml)
    {
        string path = Path.Combine(folder, "suite.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static ResolvedRun Resolve(RunOptions options) => RunResolver.Resolve(options, Now, _ => null);

    [Fact]
    public void Prices_from_the_command_line_beat_the_suite_which_beats_the_defaults()
    {
        string path = Suite(simulator: "simulator: { overrides: { onDemandWriteDollarsPerMillionUnits: 2.0, onDemandReadDollarsPerMillionUnits: 0.5 } }");

        var suiteOnly = Resolve(new RunOptions { SuitePath = path });
        var both = Resolve(new RunOptions { SuitePath = path, PriceOverrides = new Dictionary<string, double> { ["onDemandWrite"] = 3.0 } });

        Assert.Equal(2.0, suiteOnly.Prices.OnDemandWritePerMillion);
        Assert.Equal(0.5, suiteOnly.Prices.OnDemandReadPerMillion);
        Assert.Equal(3.0, both.Prices.OnDemandWritePerMillion);
        Assert.Equal(0.5, both.Prices.OnDemandReadPerMillion);
        Assert.Equal(CostPrices.Default.ProvisionedWritePerUnitHour, both.Prices.ProvisionedWritePerUnitHour);
        // One price table: the simulator prices with the same numbers as the plan.
        Assert.Equal(both.Prices, both.Simulator.Prices);
    }

    [Fact]
    public void The_planned_cost_uses_the_resolved_prices()
    {
        string path = Suite();

        var cheap = Resolve(new RunOptions { SuitePath = path });
        var dear = Resolve(new RunOptions { SuitePath = path, PriceOverrides = new Dictionary<string, double> { ["onDemandWrite"] = CostPrices.Default.OnDemandWritePerMillion * 10 } });

        Assert.True(cheap.PlannedCost.TotalDollars > 0);
        Assert.Equal(cheap.PlannedCost.TotalDollars * 10, dear.PlannedCost.TotalDollars, 9);
    }

    [Fact]
    public void Max_cost_covers_every_variant_together()
    {
        string path = Suite(TwoVariants);
        var run = Resolve(new RunOptions { SuitePath = path });
        double perVariant = run.PlannedCost.Lines.Where(l => l.What.StartsWith("first:", StringComparison.Ordinal)).Sum(l => l.Dollars);
        Assert.Equal(2, run.Runs.Count);
        Assert.True(perVariant > 0 && perVariant < run.PlannedCost.TotalDollars);

        // A limit above one variant's cost but below both together refuses the run before anything starts.
        var limited = Resolve(new RunOptions { SuitePath = path, Safety = new SafetyOptions { MaxCostDollars = perVariant * 1.5 } });
        var refusal = Assert.Throws<InvalidInputException>(() => RunResolver.CheckRun(limited));
        Assert.Contains("first:", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("second:", refusal.Message, StringComparison.Ordinal);

        RunResolver.CheckRun(Resolve(new RunOptions { SuitePath = path, Safety = new SafetyOptions { MaxCostDollars = run.PlannedCost.TotalDollars * 1.01 } }));
    }

    [Fact]
    public void Each_variant_gets_its_own_folder_under_the_run_folder()
    {
        var run = Resolve(new RunOptions { SuitePath = Suite(TwoVariants), OutDirectory = Path.Combine(folder, "out") });

        Assert.Equal(Path.Combine(folder, "out"), run.OutDirectory);
        Assert.Equal([Path.Combine(folder, "out", "first"), Path.Combine(folder, "out", "second")], run.Runs.Select(r => r.OutDirectory));
        Assert.Equal(["first", "second"], run.Runs.Select(r => r.Name));
    }

    [Fact]
    public void A_suite_without_variants_is_one_run_in_the_run_folder_named_after_the_run_id()
    {
        var run = Resolve(new RunOptions { SuitePath = Suite() });

        var only = Assert.Single(run.Runs);
        Assert.Null(only.Name);
        Assert.Equal(Path.Combine("reports", run.Suite.RunId), only.OutDirectory);
        Assert.StartsWith("20261204-120000-suite-", run.Suite.RunId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_slices_every_variant_and_its_first_line_names_the_suite_seed()
    {
        var shard = new ShardOptions(1, 2, null, "g");
        var run = Resolve(new RunOptions { SuitePath = Suite(TwoVariants), Seed = 7, Shard = shard });

        Assert.All(run.Runs, r => Assert.Equal(50, Assert.IsType<RatePhase>(r.Plan.Scenarios[0].Phases[0]).Rate));
        Assert.All(run.Runs, r => Assert.NotEqual(7, r.Plan.Seed));
        string line = RunOrchestrator.RunLine(run, run.Runs[0].Plan);
        Assert.Contains($"seed 7 (shard 1/2 draws its operations from seed {run.Runs[0].Plan.Seed})", line, StringComparison.Ordinal);
    }

    [Fact]
    public void The_simulator_settings_are_checked_when_the_run_is_resolved()
    {
        string path = Suite();
        var bad = new RunOptions { SuitePath = path, Simulator = new SimulatorOptions(Overrides: new Dictionary<string, string> { ["burstSeconds"] = "-5" }) };

        var refusal = Assert.Throws<InvalidInputException>(() => Resolve(bad));
        Assert.Contains("burstSeconds", refusal.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Prod_guards_refuse_every_variant_before_any_target()
    {
        string path = Suite(TwoVariants);
        var run = Resolve(new RunOptions { SuitePath = path, Environment = EnvironmentNames.Prod });

        Assert.Throws<InvalidInputException>(() => RunResolver.CheckRun(run));
        // Plan shows prod runs without refusing, and prices no seeding there.
        Assert.DoesNotContain(run.PlannedCost.Lines, l => l.What.Contains("seed", StringComparison.Ordinal));
    }

    [Fact]
    public void The_target_is_missing_until_it_is_resolved()
    {
        var run = Resolve(new RunOptions { SuitePath = Suite() });

        Assert.Null(run.Target);
        Assert.Throws<InvalidOperationException>(() => run.RequireTarget());
    }

    [Fact]
    public void The_target_kind_follows_one_rule()
    {
        Assert.Equal(TargetKind.Local, TargetKinds.For(EnvironmentNames.Local, null));
        Assert.Equal(TargetKind.Endpoint, TargetKinds.For(EnvironmentNames.Local, new Uri("http://127.0.0.1:8000")));
        Assert.Equal(TargetKind.Endpoint, TargetKinds.For(EnvironmentNames.Staging, new Uri("https://example.test")));
        Assert.Equal(TargetKind.Aws, TargetKinds.For(EnvironmentNames.Staging, null));
        Assert.Equal("aws", TargetKinds.Name(TargetKind.Aws));
    }
}
