using LoadLab.Runner.Suites;
using LoadLab.Core.Plans;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

public class SuiteLoaderTests
{
    private const string FullSuite = """
        name: orders-check
        description: every section and option at once
        environment: dev
        seed: 7
        tables:
          orders:
            name: Orders_v2
            key: { pk: S, sk: N }
            capacity: { mode: provisioned, read: 100, write: 50 }
          items:
            name: Items
            key: { id: B }
            capacity: { mode: on-demand }
        data:
          orders: { model: customer, items: 5000, seed: 9 }
          items: { model: customer, items: 10 }
        scenarios:
          - name: browse
            table: orders
            mix: { get: 80, put: 20.5 }
            keys: { distribution: uniform }
            maxInFlight: 128
            whenFull: drop
            warmup: 5s
            thinkTime: 250ms
            load:
              - { ramp: { to: 300, over: 30s } }
              - { rate: 300, for: 1m30s }
              - { pause: 10s }
              - { ramp: { over: 1s, to: 5 } }
          - name: workers
            table: items
            mix: { put: 1 }
            load:
              - { concurrency: 16, for: 1m }
              - { rampConcurrency: { to: 32, over: 1.5s } }
              - { rampConcurrency: { from: 1, to: 2, over: 1h } }
        """;

    [Fact]
    public void Full_suite_binds_to_the_expected_plan()
    {
        var plan = Parse(FullSuite);

        Assert.Equal("test-run", plan.RunId);
        Assert.Equal("orders-check", plan.SuiteName);
        Assert.Null(plan.SuitePath);
        Assert.Equal("dev", plan.Environment);
        Assert.Equal(7, plan.Seed);
        Assert.Equal(1.0, plan.DurationScale);
        Assert.Equal(
            [
                new TablePlan
                {
                    Id = "orders",
                    Name = "dev_Orders_v2",
                    PartitionKey = new KeyAttribute("pk", "S"),
                    SortKey = new KeyAttribute("sk", "N"),
                    Capacity = new CapacityPlan(CapacityMode.Provisioned, 100, 50),
                },
                new TablePlan { Id = "items", Name = "dev_Items", PartitionKey = new KeyAttribute("id", "B") },
            ],
            plan.Tables);
        Assert.Equal(
            [
                new DataSetPlan { TableId = "orders", Model = "customer", Items = 5000, Seed = 9 },
                new DataSetPlan { TableId = "items", Model = "customer", Items = 10, Seed = 7 },
            ],
            plan.DataSets);

        Assert.Equal(2, plan.Scenarios.Count);
        var browse = plan.Scenarios[0];
        Assert.Equal("browse", browse.Name);
        Assert.Equal("orders", browse.TableId);
        Assert.Equal([new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20.5)], browse.Mix);
        Assert.Equal(KeyDistributionPlan.Uniform, browse.Keys);
        Assert.Equal(128, browse.MaxInFlight);
        Assert.Equal(SaturationPolicy.Drop, browse.WhenFull);
        Assert.Equal(TimeSpan.FromSeconds(5), browse.Warmup);
        Assert.Equal(TimeSpan.FromMilliseconds(250), browse.ThinkTime);
        Assert.Equal(
            [
                new RampPhase(0, 300, TimeSpan.FromSeconds(30)),
                new RatePhase(300, TimeSpan.FromSeconds(90)),
                new PausePhase(TimeSpan.FromSeconds(10)),
                new RampPhase(0, 5, TimeSpan.FromSeconds(1)), // 'from' left out: a pause ends at rate 0
            ],
            browse.Phases);

        var workers = plan.Scenarios[1];
        Assert.Equal([new OperationWeight(OperationKind.Put, 1)], workers.Mix);
        Assert.Equal(ScenarioDefaults.MaxInFlight, workers.MaxInFlight);
        Assert.Equal(SaturationPolicy.Queue, workers.WhenFull);
        Assert.Equal(TimeSpan.Zero, workers.Warmup);
        Assert.Equal(
            [
                new ConcurrencyPhase(16, TimeSpan.FromMinutes(1)),
                new RampConcurrencyPhase(16, 32, TimeSpan.FromSeconds(1.5)), // 'from' left out: the previous workers
                new RampConcurrencyPhase(1, 2, TimeSpan.FromHours(1)),
            ],
            workers.Phases);
    }

    [Fact]
    public void Minimal_suite_gets_the_defaults()
    {
        var plan = Parse("""
            name: minimal
            tables:
              t: { name: Things, key: { pk: S } }
            scenarios:
              - { name: s, table: t, mix: { get: 1 }, load: [ { rate: 5, for: 10s } ] }
            """);

        Assert.Equal("local", plan.Environment);
        Assert.Equal(42, plan.Seed);
        Assert.Empty(plan.DataSets);
        var table = Assert.Single(plan.Tables);
        Assert.Equal("local_Things", table.Name);
        Assert.Null(table.SortKey);
        Assert.Equal(CapacityPlan.OnDemand, table.Capacity);
        var scenario = Assert.Single(plan.Scenarios);
        Assert.Equal(KeyDistributionPlan.Uniform, scenario.Keys);
        Assert.Equal(ScenarioDefaults.MaxInFlight, scenario.MaxInFlight);
        Assert.Equal(TimeSpan.Zero, scenario.ThinkTime);
    }

    [Fact]
    public void Overrides_replace_environment_and_seed_and_data_follows_the_run_seed()
    {
        var plan = Parse(FullSuite, Options with { EnvironmentOverride = "staging", SeedOverride = 1234 });

        Assert.Equal("staging", plan.Environment);
        Assert.Equal(1234, plan.Seed);
        Assert.Equal(["stg_Orders_v2", "stg_Items"], plan.Tables.Select(t => t.Name));
        Assert.Equal([9L, 1234L], plan.DataSets.Select(d => d.Seed)); // an explicit data seed stays
    }

    [Fact]
    public void Duration_scale_applies_to_phases_and_warmup_but_not_think_time()
    {
        var plan = Parse(FullSuite, Options with { DurationScale = 0.1 });

        Assert.Equal(0.1, plan.DurationScale);
        var browse = plan.Scenarios[0];
        Assert.Equal(
            [TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100)],
            browse.Phases.Select(p => p.Duration));
        Assert.Equal(TimeSpan.FromMilliseconds(500), browse.Warmup);
        Assert.Equal(TimeSpan.FromMilliseconds(250), browse.ThinkTime);
    }

    [Fact]
    public void Duration_scale_clamps_phases_to_one_millisecond()
    {
        var plan = Parse(FullSuite, Options with { DurationScale = 0.0001 });

        // 1s × 0.0001 = 0.1 ms, kept as 1 ms so the phase does not vanish; 1m30s × 0.0001 = 9 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(1), plan.Scenarios[0].Phases[3].Duration);
        Assert.Equal(TimeSpan.FromMilliseconds(9), plan.Scenarios[0].Phases[1].Duration);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Invalid_duration_scale_is_an_argument_error(double scale) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Parse(FullSuite, Options with { DurationScale = scale }));

    [Fact]
    public void Unknown_environment_override_is_an_argument_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Parse(FullSuite, Options with { EnvironmentOverride = "qa" }));

    [Fact]
    public void Quickstart_suite_loads()
    {
        var path = RepositoryPath("scenarios", "quickstart.yaml");

        var plan = SuiteLoader.Load(path, Options);

        Assert.Equal("quickstart", plan.SuiteName);
        Assert.Equal(Path.GetFullPath(path), plan.SuitePath);
        var table = Assert.Single(plan.Tables);
        Assert.Equal(("items", "local_Quickstart", new KeyAttribute("pk", "S"), CapacityPlan.OnDemand),
            (table.Id, table.Name, table.PartitionKey, table.Capacity));
        Assert.Equal(new DataSetPlan { TableId = "items", Model = "customer", Items = 5000, Seed = 42 }, Assert.Single(plan.DataSets));
        var browse = Assert.Single(plan.Scenarios);
        Assert.Equal("browse", browse.Name);
        Assert.Equal([new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20)], browse.Mix);
        Assert.Equal(64, browse.MaxInFlight);
        Assert.Equal(TimeSpan.FromSeconds(3), browse.Warmup);
        Assert.Equal([new RampPhase(0, 200, TimeSpan.FromSeconds(10)), new RatePhase(200, TimeSpan.FromSeconds(30))], browse.Phases);
    }

    [Fact]
    public void Missing_file_is_one_error_naming_the_full_path()
    {
        var path = Path.Combine("no-such-dir", "missing.yaml");

        var ex = Assert.Throws<SuiteLoadException>(() => SuiteLoader.Load(path, Options));

        var error = Assert.Single(ex.Errors);
        Assert.Equal((path, 0, 0), (error.File, error.Line, error.Column));
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFullPath(path), error.Message, StringComparison.Ordinal);
    }
}
