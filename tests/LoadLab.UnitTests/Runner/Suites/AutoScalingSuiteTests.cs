using LoadLab.Core.Plans;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// capacity.autoScaling of provisioned tables; positions are counted by hand, as in SuiteErrorTests.
public class AutoScalingSuiteTests
{
    private const string Scenarios = """
        scenarios:
          - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
        """;

    private static string Suite(string capacity) => $"""
        name: t
        tables:
          items:
            name: Items
            key: {"{"} pk: S {"}"}
            capacity: {capacity}
        {Scenarios}
        """;

    [Fact]
    public void One_policy_scales_reads_and_writes_alike()
    {
        var capacity = Parse(Suite("{ mode: provisioned, read: 100, write: 50, autoScaling: { min: 5, max: 400, target: 60 } }")).Tables[0].Capacity;

        Assert.Equal(new AutoScalingPlan(60, 5, 400), capacity.ReadAutoScaling);
        Assert.Equal(new AutoScalingPlan(60, 5, 400), capacity.WriteAutoScaling);
        Assert.Equal(100, capacity.ReadUnits);
    }

    [Fact]
    public void Per_dimension_policies_leave_the_other_dimension_fixed_and_default_the_target_to_70()
    {
        var capacity = Parse(Suite("{ mode: provisioned, read: 100, write: 50, autoScaling: { write: { min: 10, max: 200 } } }")).Tables[0].Capacity;

        Assert.Null(capacity.ReadAutoScaling);
        Assert.Equal(new AutoScalingPlan(70, 10, 200), capacity.WriteAutoScaling);
    }

    [Fact]
    public void On_demand_tables_refuse_auto_scaling()
    {
        var error = SingleError(Suite("{ mode: on-demand, autoScaling: { min: 5, max: 10 } }"));

        AssertError(error, 6, 34, "capacity.autoScaling: only allowed with 'mode: provisioned'");
    }

    [Fact]
    public void Target_outside_20_to_90_percent_is_refused_at_the_value()
    {
        var error = SingleError(Suite("{ mode: provisioned, read: 1, write: 1, autoScaling: { min: 1, max: 10, target: 95 } }"));

        AssertError(error, 6, 95, "capacity.autoScaling.target", "from 20 to 90", "95");
    }

    [Fact]
    public void Max_below_min_and_a_missing_min_are_reported()
    {
        var errors = Errors(Suite("{ mode: provisioned, read: 1, write: 1, autoScaling: { read: { min: 50, max: 10 }, write: { max: 10 } } }"));

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 6, 92, "capacity.autoScaling.read.max", "at least min (50)");
        AssertError(errors[1], 6, 105, "capacity.autoScaling.write is missing 'min'");
    }

    [Fact]
    public void Mixing_the_two_forms_is_refused()
    {
        var error = SingleError(Suite("{ mode: provisioned, read: 1, write: 1, autoScaling: { min: 1, max: 10, read: { min: 1, max: 5 } } }"));

        AssertError(error, 6, 68, "either one policy for both dimensions", "not both");
    }

    private static string IndexSuite(string tableCapacity, string indexCapacity) => $"""
        name: t
        tables:
          items:
            name: Items
            key: {"{"} pk: S {"}"}
            capacity: {tableCapacity}
            indexes:
              byStatus: {"{"} pk: status, capacity: {indexCapacity} {"}"}
        {Scenarios}
        """;

    [Fact]
    public void A_global_index_of_a_provisioned_table_scales_by_its_own_policy()
    {
        var table = Parse(IndexSuite("{ mode: provisioned, read: 100, write: 50 }", "{ read: 10, write: 5, autoScaling: { write: { min: 5, max: 80, target: 50 } } }")).Tables[0];

        var index = Assert.Single(table.Indexes).Capacity!;
        Assert.Equal((10L, 5L), (index.ReadUnits, index.WriteUnits));
        Assert.Null(index.ReadAutoScaling);
        Assert.Equal(new AutoScalingPlan(50, 5, 80), index.WriteAutoScaling);
        Assert.Null(table.Capacity.WriteAutoScaling); // the table's own units stay fixed
    }

    [Fact]
    public void Index_policy_errors_name_the_index_and_on_demand_indexes_refuse_auto_scaling()
    {
        var error = SingleError(IndexSuite("{ mode: provisioned, read: 1, write: 1 }", "{ read: 1, write: 1, autoScaling: { min: 9, max: 3 } }"));
        Assert.Contains("index 'byStatus'.capacity.autoScaling.max: must be at least min", error.Message, StringComparison.Ordinal);

        var onDemand = SingleError(IndexSuite("{ mode: on-demand }", "{ autoScaling: { min: 1, max: 3 } }"));
        Assert.Contains("index 'byStatus'.capacity.autoScaling: only allowed for provisioned tables", onDemand.Message, StringComparison.Ordinal);
        Assert.Equal(8, onDemand.Line);
    }
}
