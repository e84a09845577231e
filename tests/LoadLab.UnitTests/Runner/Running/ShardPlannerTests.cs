using LoadLab.Core.Errors;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Running;
using LoadLab.Core.Plans;

namespace LoadLab.UnitTests.Runner.Running;

public class ShardPlannerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Shards_split_rates_and_workers_so_that_together_they_make_the_plan()
    {
        LoadPhase[] phases = [new RampPhase(0, 300, Minute), new RatePhase(300, Minute), new ConcurrencyPhase(10, Minute), new RampConcurrencyPhase(1, 7, Minute), new PausePhase(Minute)];
        var shards = Enumerable.Range(0, 3).Select(i => phases.Select(p => ShardPlanner.Split(p, new ShardOptions(i, 3, null, "g"))).ToArray()).ToArray();
        Assert.All(shards, s => Assert.Equal(100, ((RatePhase)s[1]).Rate, 9));
        Assert.All(shards, s => Assert.Equal(100, ((RampPhase)s[0]).To, 9));
        Assert.Equal(10, shards.Sum(s => ((ConcurrencyPhase)s[2]).Workers));
        Assert.Equal(7, shards.Sum(s => ((RampConcurrencyPhase)s[3]).To));
        Assert.Equal(1, shards.Sum(s => ((RampConcurrencyPhase)s[3]).From));
        Assert.All(shards, s => Assert.IsType<PausePhase>(s[4]));
    }

    [Fact]
    public void Each_shard_draws_its_own_operation_sequence_over_the_same_data()
    {
        var plan = new RunPlan
        {
            RunId = "r",
            SuiteName = "s",
            Seed = 42,
            DataSets = [new DataSetPlan { TableId = "t", Model = "customer", Items = 10, Seed = 42 }],
            Scenarios = [new ScenarioPlan { Name = "a", TableId = "t", Mix = [new(OperationKind.Get, 1)], Phases = [new RatePhase(90, Minute)], MaxInFlight = 100 }],
        };
        var first = ShardPlanner.Apply(plan, new ShardOptions(0, 3, null, "g"));
        var second = ShardPlanner.Apply(plan, new ShardOptions(1, 3, null, "g"));
        Assert.NotEqual(first.Seed, second.Seed);
        Assert.Equal(42, second.DataSets[0].Seed);
        Assert.Equal(34, second.Scenarios[0].MaxInFlight);
        Assert.Same(plan, ShardPlanner.Apply(plan, new ShardOptions(0, 1, null, "g")));
    }

    [Fact]
    public void A_shard_states_its_slice_of_every_data_set()
    {
        var plan = new RunPlan
        {
            RunId = "r",
            SuiteName = "s",
            Tables = [new TablePlan { Id = "t", Name = "local_T", PartitionKey = new KeyAttribute("pk", "S") }],
            DataSets = [new DataSetPlan { TableId = "t", Model = "customer", Items = 10, Seed = 42 }],
            Scenarios = [],
        };
        var slices = Enumerable.Range(0, 3).Select(i => Assert.Single(ShardPlanner.Describe(plan, new ShardOptions(i, 3, null, "g")).Slices!)).ToArray();
        Assert.Equal([0L, 3, 6], slices.Select(s => s.FirstItem));
        Assert.Equal([3L, 3, 4], slices.Select(s => s.Items));
        Assert.All(slices, s => Assert.Equal(("local_T", 10L), (s.Table, s.DataSetItems)));
    }

    [Fact]
    public void More_shards_than_items_is_refused_before_anything_runs()
    {
        var plan = new RunPlan
        {
            RunId = "r",
            SuiteName = "s",
            DataSets = [new DataSetPlan { TableId = "t", Model = "customer", Items = 2, Seed = 42 }],
            Scenarios = [],
        };
        var e = Assert.Throws<InvalidInputException>(() => ShardPlanner.Apply(plan, new ShardOptions(0, 3, null, "g")));
        Assert.Contains("data set 't' has 2 items, fewer than the 3 shards", e.Message);
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("-1/2")]
    [InlineData("a/b")]
    [InlineData("2")]
    public void Bad_shard_specs_are_refused_with_an_example(string spec)
    {
        var errors = new List<string>();
        Assert.Null(ShardOptions.Parse(spec, null, null, errors));
        Assert.Contains("e.g. 0/4", Assert.Single(errors));
    }

    [Fact]
    public void Start_time_names_the_run_group_when_none_is_given()
    {
        var errors = new List<string>();
        var shard = ShardOptions.Parse("1/4", "2026-12-01T10:00:00Z", null, errors);
        Assert.Empty(errors);
        Assert.Equal(new ShardOptions(1, 4, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), "20261201-100000"), shard);
    }
}
