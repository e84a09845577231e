using LoadLab.Capacity.Model.Settings;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// The suite's simulator: section; positions are counted by hand, as in SuiteErrorTests.
public class SimulatorSectionTests
{
    private const string Rest = """
        tables:
          items: { name: Items, key: { pk: S } }
        scenarios:
          - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
        """;

    [Fact]
    public void Preset_and_overrides_reach_the_plan_and_apply_to_the_model_settings()
    {
        var plan = Parse($"""
            name: t
            simulator:
              preset: optimistic
              overrides: {"{"} burstSeconds: 0, onDemandPeakLag: 90s, admissionMode: exact {"}"}
            {Rest}
            """);

        Assert.Equal("optimistic", plan.Simulator.Preset);
        Assert.Equal(["admissionMode", "burstSeconds", "onDemandPeakLag"], plan.Simulator.Overrides.Keys);
        var settings = CapacityPresets.Resolve(plan.Simulator.Preset, plan.Simulator.Overrides);
        Assert.Equal(0, settings.BurstSeconds);
        Assert.Equal(TimeSpan.FromSeconds(90), settings.OnDemandPeakLag);
        Assert.Equal(AdmissionMode.Exact, settings.AdmissionMode);
        Assert.Equal("optimistic", settings.Preset);
    }

    [Fact]
    public void A_suite_without_the_section_uses_the_default_preset_and_no_overrides()
    {
        var plan = Parse($"""
            name: t
            {Rest}
            """);

        Assert.Null(plan.Simulator.Preset);
        Assert.Empty(plan.Simulator.Overrides);
    }

    [Fact]
    public void Unknown_parameter_is_reported_at_its_key_with_a_suggestion_and_the_allowed_names()
    {
        var error = SingleError($"""
            name: t
            simulator:
              overrides:
                burstSecond: 0
            {Rest}
            """);

        AssertError(error, 4, 5, "unknown key 'burstSecond' in simulator.overrides", "Did you mean 'burstSeconds'?", "onDemandPeakLag", "splitHeatAfter");
    }

    [Fact]
    public void Value_out_of_range_is_reported_at_the_value_with_the_allowed_range()
    {
        var error = SingleError($"""
            name: t
            simulator:
              overrides:
                splitHeatThreshold: 1.5
            {Rest}
            """);

        AssertError(error, 4, 25, "simulator.overrides.splitHeatThreshold", "must be above 0 and at most 1", "1.5");
    }

    [Fact]
    public void Value_of_the_wrong_type_says_what_was_expected()
    {
        var error = SingleError($"""
            name: t
            simulator:
              overrides: {"{"} onDemandPeakLag: soon, burstSeconds: 5m {"}"}
            {Rest}
            """);

        AssertError(error, 3, 33, "onDemandPeakLag", "expected a duration such as 500ms", "'soon'");
    }

    [Fact]
    public void Unknown_preset_and_unknown_section_key_are_both_reported()
    {
        var errors = Errors($"""
            name: t
            simulator:
              preset: optimistc
              override: {"{"} burstSeconds: 0 {"}"}
            {Rest}
            """);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 3, 11, "simulator.preset", "documented, optimistic, legacy-no-adaptive", "Did you mean 'optimistic'?");
        AssertError(errors[1], 4, 3, "unknown key 'override' in simulator", "Did you mean 'overrides'?");
    }

    [Fact]
    public void Several_bad_values_are_all_reported_in_one_load()
    {
        var errors = Errors($"""
            name: t
            simulator:
              overrides:
                burstSeconds: -1
                autoScalingOutDatapoints: 0
                accountId: ""
            {Rest}
            """);

        Assert.Equal(3, errors.Count);
        AssertError(errors[0], 4, 19, "burstSeconds", "must not be negative");
        AssertError(errors[1], 5, 31, "autoScalingOutDatapoints", "at least 1");
        AssertError(errors[2], 6, 16, "accountId");
    }
}
