using LoadLab.Core.Text;
namespace LoadLab.Capacity.Model.Settings;

/// <summary>Range checks on the parameters; every problem is reported at once.</summary>
internal static class SettingsValidator
{
    public static IReadOnlyList<string> Validate(CapacitySettings s)
    {
        var errors = new List<string>();

        void Positive(string name, double value)
        {
            if (!(value > 0))
                errors.Add($"Simulator parameter '{name}' must be greater than 0, found {SettingValueParser.Format(value)}.");
        }

        void NotNegative(string name, double value)
        {
            if (!(value >= 0))
                errors.Add($"Simulator parameter '{name}' must not be negative, found {SettingValueParser.Format(value)}.");
        }

        void Fraction(string name, double value)
        {
            if (!(value > 0 && value <= 1))
                errors.Add($"Simulator parameter '{name}' must be above 0 and at most 1, found {SettingValueParser.Format(value)}.");
        }

        void AtLeast(string name, double value, double minimum)
        {
            if (!(value >= minimum))
                errors.Add($"Simulator parameter '{name}' must be at least {SettingValueParser.Format(minimum)}, found {SettingValueParser.Format(value)}.");
        }

        void Duration(string name, TimeSpan value)
        {
            if (value < TimeSpan.Zero)
                errors.Add($"Simulator parameter '{name}' must not be negative, found {DurationText.Format(value)}.");
        }

        void Text(string name, string value)
        {
            if (string.IsNullOrWhiteSpace(value))
                errors.Add($"Simulator parameter '{name}' must not be empty.");
        }

        Text("region", s.Region);
        Text("accountId", s.AccountId);
        Positive("readBlockBytes", s.ReadBlockBytes);
        Positive("writeBlockBytes", s.WriteBlockBytes);
        Fraction("eventuallyConsistentFactor", s.EventuallyConsistentFactor);
        AtLeast("transactionFactor", s.TransactionFactor, 1);
        Positive("itemMaxBytes", s.ItemMaxBytes);
        NotNegative("storageOverheadBytesPerItem", s.StorageOverheadBytesPerItem);
        Positive("partitionMaxReadUnitsPerSecond", s.PartitionMaxReadUnitsPerSecond);
        Positive("partitionMaxWriteUnitsPerSecond", s.PartitionMaxWriteUnitsPerSecond);
        Positive("partitionMaxBytes", s.PartitionMaxBytes);
        AtLeast("maxPartitionsPerResource", s.MaxPartitionsPerResource, 1);
        NotNegative("burstSeconds", s.BurstSeconds);
        Duration("itemBucketIdleEviction", s.ItemBucketIdleEviction);
        Fraction("splitHeatThreshold", s.SplitHeatThreshold);
        Duration("splitHeatAfter", s.SplitHeatAfter);
        Fraction("splitHeatDominantKeyShare", s.SplitHeatDominantKeyShare);
        AtLeast("splitHeatTrackedKeys", s.SplitHeatTrackedKeys, 2);
        Positive("onDemandNewTableReadUnitsPerSecond", s.OnDemandNewTableReadUnitsPerSecond);
        Positive("onDemandNewTableWriteUnitsPerSecond", s.OnDemandNewTableWriteUnitsPerSecond);
        Duration("onDemandPeakLag", s.OnDemandPeakLag);
        Positive("tableQuotaReadUnitsPerSecond", s.TableQuotaReadUnitsPerSecond);
        Positive("tableQuotaWriteUnitsPerSecond", s.TableQuotaWriteUnitsPerSecond);
        Positive("accountProvisionedReadUnits", s.AccountProvisionedReadUnits);
        Positive("accountProvisionedWriteUnits", s.AccountProvisionedWriteUnits);
        AtLeast("autoScalingOutDatapoints", s.AutoScalingOutDatapoints, 1);
        AtLeast("autoScalingInDatapoints", s.AutoScalingInDatapoints, 1);
        NotNegative("autoScalingInMarginPercentagePoints", s.AutoScalingInMarginPercentagePoints);
        Duration("autoScalingUpdateDelay", s.AutoScalingUpdateDelay);
        Duration("autoScalingMetricLag", s.AutoScalingMetricLag);
        NotNegative("decreasesInFirstHour", s.DecreasesInFirstHour);
        NotNegative("decreasesPerDay", s.DecreasesPerDay);
        Duration("decreaseInterval", s.DecreaseInterval);
        NotNegative("modeSwitchesPerWindow", s.ModeSwitchesPerWindow);
        Duration("modeSwitchWindow", s.ModeSwitchWindow);
        AtLeast("metricsMaxPoints", s.MetricsMaxPoints, 2);
        NotNegative("metricsMaxEvents", s.MetricsMaxEvents);
        NotNegative("topThrottledKeys", s.TopThrottledKeys);
        Duration("tableStatusDelay", s.TableStatusDelay);
        if (s.TableStatusDelay > CapacitySettings.MaxTableStatusDelay)
            errors.Add($"Simulator parameter 'tableStatusDelay' must be at most {DurationText.Format(CapacitySettings.MaxTableStatusDelay)}, found {DurationText.Format(s.TableStatusDelay)}.");
        NotNegative("onDemandWriteDollarsPerMillionUnits", s.OnDemandWriteDollarsPerMillionUnits);
        NotNegative("onDemandReadDollarsPerMillionUnits", s.OnDemandReadDollarsPerMillionUnits);
        NotNegative("provisionedWriteDollarsPerUnitHour", s.ProvisionedWriteDollarsPerUnitHour);
        NotNegative("provisionedReadDollarsPerUnitHour", s.ProvisionedReadDollarsPerUnitHour);
        NotNegative("storageDollarsPerGbMonth", s.StorageDollarsPerGbMonth);
        Positive("hoursPerMonth", s.HoursPerMonth);
        Fraction("whatIfTargetUtilization", s.WhatIfTargetUtilization);
        return errors;
    }
}
