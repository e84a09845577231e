using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;

namespace LoadLab.UnitTests.Capacity.Model;

public sealed class PresetTests
{
    [Fact]
    public void Documented_is_the_default_and_carries_the_spec_numbers()
    {
        var settings = CapacityPresets.Get("documented");

        Assert.Equal(new CapacitySettings(), settings);
        Assert.Equal(300, settings.BurstSeconds);
        Assert.Equal(3000, settings.PartitionMaxReadUnitsPerSecond);
        Assert.Equal(1000, settings.PartitionMaxWriteUnitsPerSecond);
        Assert.Equal(12_000, settings.OnDemandNewTableReadUnitsPerSecond);
        Assert.Equal(4_000, settings.OnDemandNewTableWriteUnitsPerSecond);
        Assert.Equal(TimeSpan.FromMinutes(30), settings.OnDemandPeakLag);
        Assert.Equal(40_000, settings.TableQuotaWriteUnitsPerSecond);
        Assert.Equal(2, settings.AutoScalingOutDatapoints);
        Assert.Equal(15, settings.AutoScalingInDatapoints);
        Assert.Equal(TimeSpan.FromSeconds(120), settings.AutoScalingUpdateDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), settings.AutoScalingMetricLag);
        Assert.Equal(27, settings.DecreasesPerDay);
        Assert.Equal(0.8, settings.SplitHeatThreshold);
        Assert.Equal(TimeSpan.FromSeconds(120), settings.SplitHeatAfter);
        Assert.Equal(0.5, settings.SplitHeatDominantKeyShare);
        Assert.Equal(BurstFill.Full, settings.InitialBurstFill);
        Assert.Equal(AdmissionMode.Debt, settings.AdmissionMode);
        Assert.Equal(TransactionThrottleStyle.TopLevelException, settings.TransactionThrottleStyle);
        Assert.False(settings.LegacyNoAdaptive);
        Assert.Equal(0.625, settings.OnDemandWriteDollarsPerMillionUnits);
    }

    [Fact]
    public void Optimistic_shortens_the_on_demand_peak_lag_to_two_minutes()
    {
        var settings = CapacityPresets.Get("optimistic");

        Assert.Equal("optimistic", settings.Preset);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.OnDemandPeakLag);
        Assert.Equal(new CapacitySettings() with { Preset = "optimistic", OnDemandPeakLag = TimeSpan.FromMinutes(2) }, settings);
    }

    [Fact]
    public void Legacy_no_adaptive_splits_provisioned_capacity_per_partition_with_burst()
    {
        var settings = CapacityPresets.Get("legacy-no-adaptive");

        Assert.True(settings.LegacyNoAdaptive);
        Assert.Equal(300, settings.BurstSeconds);
    }

    [Fact]
    public void An_unknown_preset_lists_the_allowed_names_and_suggests_the_closest()
    {
        var error = Assert.Throws<CapacitySettingsException>(() => CapacityPresets.Get("optimistc"));

        Assert.Contains("documented, optimistic, legacy-no-adaptive", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'optimistic'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_defaults_to_documented_and_applies_overrides()
    {
        var settings = CapacityPresets.Resolve(null, new Dictionary<string, string> { ["burstSeconds"] = "60" });

        Assert.Equal("documented", settings.Preset);
        Assert.Equal(60, settings.BurstSeconds);
        Assert.Equal("60", settings.Overrides["burstSeconds"]);
    }
}
