using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;

namespace LoadLab.UnitTests.Capacity.Model;

public sealed class OverrideTests
{
    [Fact]
    public void Overrides_set_parameters_by_camel_case_name_with_invariant_parsing()
    {
        var settings = new CapacitySettings().WithOverrides(new Dictionary<string, string>
        {
            ["burstSeconds"] = "120",
            ["splitHeatThreshold"] = "0.75",
            ["onDemandPeakLag"] = "2m",
            ["splitHeatAfter"] = "1m30s",
            ["admissionMode"] = "exact",
            ["initialBurstFill"] = "Cold",
            ["transactionThrottleStyle"] = "transaction-canceled",
            ["legacyNoAdaptive"] = "true",
            ["autoScalingInDatapoints"] = "10",
            ["partitionMaxBytes"] = "1GiB",
            ["region"] = "eu-west-2",
        });

        Assert.Equal(120, settings.BurstSeconds);
        Assert.Equal(0.75, settings.SplitHeatThreshold);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.OnDemandPeakLag);
        Assert.Equal(TimeSpan.FromSeconds(90), settings.SplitHeatAfter);
        Assert.Equal(AdmissionMode.Exact, settings.AdmissionMode);
        Assert.Equal(BurstFill.Cold, settings.InitialBurstFill);
        Assert.Equal(TransactionThrottleStyle.TransactionCanceled, settings.TransactionThrottleStyle);
        Assert.True(settings.LegacyNoAdaptive);
        Assert.Equal(10, settings.AutoScalingInDatapoints);
        Assert.Equal(1L << 30, settings.PartitionMaxBytes);
        Assert.Equal("eu-west-2", settings.Region);
        Assert.Equal("documented", settings.Preset);
        Assert.Equal(11, settings.Overrides.Count);
    }

    [Fact]
    public void Seconds_parameters_also_take_durations()
    {
        var settings = new CapacitySettings().WithOverrides(new Dictionary<string, string> { ["burstSeconds"] = "5m" });

        Assert.Equal(300, settings.BurstSeconds);
    }

    [Fact]
    public void The_local_tables_status_delay_is_a_setting_fast_by_default_and_bounded()
    {
        Assert.Equal(TimeSpan.Zero, new CapacitySettings().TableStatusDelay);
        Assert.Equal(TimeSpan.FromSeconds(3), new CapacitySettings().WithOverrides(new Dictionary<string, string> { ["tableStatusDelay"] = "3s" }).TableStatusDelay);

        var error = Assert.Throws<CapacitySettingsException>(() =>
            new CapacitySettings().WithOverrides(new Dictionary<string, string> { ["tableStatusDelay"] = "11m" }));

        Assert.Contains("'tableStatusDelay' must be at most 10m", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_names_are_reported_with_a_suggestion_and_the_allowed_names()
    {
        var error = Assert.Throws<CapacitySettingsException>(() =>
            new CapacitySettings().WithOverrides(new Dictionary<string, string> { ["burstSecond"] = "60" }));

        var message = Assert.Single(error.Errors);
        Assert.Contains("Unknown simulator parameter 'burstSecond'", message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'burstSeconds'?", message, StringComparison.Ordinal);
        Assert.Contains("onDemandPeakLag", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_value_is_reported_at_once_with_what_was_expected()
    {
        var error = Assert.Throws<CapacitySettingsException>(() =>
            new CapacitySettings().WithOverrides(new Dictionary<string, string>
            {
                ["onDemandPeakLag"] = "30",
                ["splitHeatThreshold"] = "1,5",
                ["admissionMode"] = "lenient",
                ["legacyNoAdaptive"] = "yes",
                ["partitionMaxWriteUnitsPerSecond"] = "-1",
            }));

        Assert.Equal(5, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains("'onDemandPeakLag': expected a duration such as", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("'splitHeatThreshold': expected a number", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("one of debt, exact", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("true or false", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Contains("'partitionMaxWriteUnitsPerSecond' must be greater than 0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_preset_is_not_an_override()
    {
        var error = Assert.Throws<CapacitySettingsException>(() =>
            new CapacitySettings().WithOverrides(new Dictionary<string, string> { ["preset"] = "optimistic" }));

        Assert.Contains("Choose the preset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_stack_on_a_preset_and_are_remembered()
    {
        var settings = CapacityPresets.Get(CapacityPresets.Optimistic)
            .WithOverrides(new Dictionary<string, string> { ["burstSeconds"] = "60" })
            .WithOverrides(new Dictionary<string, string> { ["splitHeatAfter"] = "30s" });

        Assert.Equal("optimistic", settings.Preset);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.OnDemandPeakLag);
        Assert.Equal(new[] { "burstSeconds", "splitHeatAfter" }, settings.Overrides.Keys);
    }

    [Fact]
    public void Describe_lists_every_parameter_in_override_syntax_and_round_trips()
    {
        var settings = CapacityPresets.Get(CapacityPresets.Optimistic);
        var described = settings.Describe();

        Assert.Equal(SettingParameters.Names.Count, described.Count);
        Assert.Equal("2m", described["onDemandPeakLag"]);
        Assert.Equal("debt", described["admissionMode"]);
        Assert.Equal("top-level-exception", described["transactionThrottleStyle"]);
        Assert.Equal("0.625", described["onDemandWriteDollarsPerMillionUnits"]);
        var none = new Dictionary<string, string>();
        var roundTripped = new CapacitySettings().WithOverrides(described) with { Preset = "optimistic", Overrides = none };
        Assert.Equal(settings with { Overrides = none }, roundTripped);
    }
}
