using LoadLab.Runner.Target;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.Capacity.Reporting;
using LoadLab.Runner.Running;
using LoadLab.Core.Plans;
using LoadLab.UnitTests.Capacity.Model.Support;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Target;

public sealed class SimulatorSetupTests
{
    [Fact]
    public void Command_line_overrides_are_parsed_and_checked_by_the_simulator()
    {
        var errors = new List<string>();

        var options = SimulatorSetup.ParseOptions("optimistic", "burstSeconds=0, onDemandPeakLag=2m", errors);

        Assert.Empty(errors);
        Assert.Equal("optimistic", options.Preset);
        Assert.Equal("0", options.Overrides!["burstSeconds"]);
        Assert.Equal("2m", options.Overrides["onDemandPeakLag"]);
    }

    [Fact]
    public void Bad_command_line_overrides_say_what_is_wrong_and_suggest_the_name()
    {
        var errors = new List<string>();

        SimulatorSetup.ParseOptions(null, "burstSecond=0,splitHeatThreshold=2,nonsense", errors);

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("'nonsense' must be NAME=VALUE", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Unknown simulator parameter 'burstSecond'", StringComparison.Ordinal) && e.Contains("Did you mean 'burstSeconds'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("splitHeatThreshold", StringComparison.Ordinal) && e.Contains("at most 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Command_line_preset_and_overrides_win_over_the_suite_s()
    {
        var suite = new SimulatorPlan("legacy-no-adaptive", new Dictionary<string, string> { ["burstSeconds"] = "0", ["splitHeatAfter"] = "30s" });
        var commandLine = new SimulatorOptions("optimistic", new Dictionary<string, string> { ["BURSTSECONDS"] = "60" });

        var effective = SimulatorSetup.Effective(suite, commandLine);

        Assert.Equal("optimistic", effective.Preset);
        Assert.Equal(new Dictionary<string, string> { ["burstSeconds"] = "60", ["splitHeatAfter"] = "30s" }, effective.Overrides);
        Assert.Equal("legacy-no-adaptive", SimulatorSetup.Effective(suite, SimulatorOptions.Default).Preset);
    }

    [Fact]
    public void Suite_policy_maps_percent_to_the_simulator_s_fraction_and_leaves_fixed_dimensions_alone()
    {
        var capacity = new CapacityPlan(CapacityMode.Provisioned, 100, 50) { WriteAutoScaling = new AutoScalingPlan(70, 5, 400) };

        var scaling = SimulatorSetup.AutoScalingOf(capacity)!;

        Assert.Null(scaling.Read);
        Assert.Equal(new AutoScalingPolicy(0.7, 5, 400), scaling.Write);
        Assert.Null(scaling.Validate());
        Assert.Null(SimulatorSetup.AutoScalingOf(new CapacityPlan(CapacityMode.Provisioned, 100, 50)));
        Assert.Null(SimulatorSetup.AutoScalingOf(CapacityPlan.OnDemand));
    }

    [Fact]
    public void Index_policies_go_into_the_body_under_the_index_name_also_when_the_table_itself_is_fixed()
    {
        var table = new TablePlan
        {
            Id = "items",
            Name = "Items",
            PartitionKey = new KeyAttribute("pk", "S"),
            Capacity = new CapacityPlan(CapacityMode.Provisioned, 100, 50),
            Indexes =
            [
                new IndexPlan { Name = "byStatus", PartitionKey = new KeyAttribute("status", "S"), Capacity = new CapacityPlan(CapacityMode.Provisioned, 10, 5) { ReadAutoScaling = new AutoScalingPlan(60, 2, 40) } },
                new IndexPlan { Name = "fixed", PartitionKey = new KeyAttribute("other", "S"), Capacity = new CapacityPlan(CapacityMode.Provisioned, 10, 5) },
            ],
        };

        var scaling = SimulatorSetup.AutoScalingOf(table)!;

        Assert.Null(scaling.Read);
        Assert.Null(scaling.Write);
        var index = Assert.Single(scaling.Indexes!);
        Assert.Equal("byStatus", index.Key);
        Assert.Equal(new AutoScalingPolicy(0.6, 2, 40), index.Value.Read);
        Assert.Null(index.Value.Write);
        Assert.Null(scaling.Validate());
        Assert.Null(SimulatorSetup.AutoScalingOf(table with { Indexes = [table.Indexes[1]] }));
    }

    [Fact]
    public void A_suite_policy_drives_the_model_and_shows_in_the_simulator_section()
    {
        var plan = Parse("""
            name: t
            tables:
              items: { name: Items, key: { pk: S }, capacity: { mode: provisioned, read: 5, write: 100, autoScaling: { write: { target: 70, min: 100, max: 1000 } } } }
            scenarios:
              - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
            """);
        var table = plan.Tables[0];
        var harness = new ModelHarness();
        var definition = new TableCapacityDefinition { TableName = table.Name, Mode = CapacityBillingMode.Provisioned, ReadUnits = 5, WriteUnits = 100 };
        harness.Model.CreateTable(SimulatorSetup.AutoScalingOf(table.Capacity)!.ApplyTo(definition));

        // 200 WCU/s against 100 provisioned: the policy at 70 % scales the table to ⌈200 / 0.7⌉.
        harness.Run(400, 100, step => [ModelHarness.Write(table.Name, 2, ModelHarness.Hash(step), "k" + step)]);

        var section = SimulatorSectionBuilder.Build(harness.Model.Snapshot(), harness.Model.Settings, null);
        var resource = Assert.Single(section.Resources);
        Assert.Equal(new LoadLab.Core.Results.SimulatorAutoScaling(70, 100, 1000), resource.WriteAutoScaling);
        Assert.Null(resource.ReadAutoScaling);
        var applied = Assert.Single(resource.Events, e => e.Kind == ScalingKinds.AutoScalingApplied);
        Assert.Equal(286, applied.To);
    }
}
