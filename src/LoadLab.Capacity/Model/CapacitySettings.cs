using LoadLab.Core.Cost;
using LoadLab.Capacity.Model.Settings;

namespace LoadLab.Capacity.Model;

/// <summary>
/// Every constant of the capacity model (docs/capacity-model.md §21; on demand §15, auto scaling §16, prices §19), with the
/// preset it came from and the overrides applied on top. Defaults are the "documented" preset.
/// Units are in the names; durations are <see cref="TimeSpan"/>s. Build one with
/// <see cref="CapacityPresets.Resolve"/> or <see cref="CapacityPresets.Get"/> plus
/// <see cref="WithOverrides"/>; overrides use the camelCase property names (<see cref="SettingParameters"/>).
/// </summary>
public sealed partial record CapacitySettings
{
    // Shared, so two default settings compare equal (record equality compares references here).
    private static readonly IReadOnlyDictionary<string, string> NoOverrides = new Dictionary<string, string>();

    // ---- identity (for ARNs in throttling reasons and for the report) ----

    /// <summary>Name of the preset these settings started from (not an override: use <see cref="CapacityPresets"/>).</summary>
    public string Preset { get; init; } = CapacityPresets.Documented;

    /// <summary>Overrides applied on top of the preset, as given (name → text), for the report.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = NoOverrides;

    /// <summary>
    /// Faults the simulator injects to rehearse retries (not a capacity rule, not an override: <c>simulator.faults</c>
    /// and <c>--simulator faults.NAME=…</c>). Carried with the settings so every way of starting the simulator gets them.
    /// </summary>
    public Proxy.Faults.FaultSettings Faults { get; init; } = Proxy.Faults.FaultSettings.None;

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "000000000000";

    // ---- unit accounting (M0/M3; computed by the proxy, kept here so every constant lives in one place) ----

    public int ReadBlockBytes { get; init; } = 4096;

    public int WriteBlockBytes { get; init; } = 1024;

    public double EventuallyConsistentFactor { get; init; } = 0.5;

    /// <summary>Applies to the table arm of a transaction only, not to index arms [E].</summary>
    public double TransactionFactor { get; init; } = 2;

    public int ItemMaxBytes { get; init; } = 400 * 1024;

    /// <summary>Billing overhead per stored item; the proxy adds it to <see cref="ICapacityModel.RecordStoredBytes"/> deltas when items appear or vanish.</summary>
    public int StorageOverheadBytesPerItem { get; init; } = 100;

    public TransactionThrottleStyle TransactionThrottleStyle { get; init; } = TransactionThrottleStyle.TopLevelException;

    // ---- buckets and partitions (M1, M2) ----

    public double PartitionMaxReadUnitsPerSecond { get; init; } = 3000;

    public double PartitionMaxWriteUnitsPerSecond { get; init; } = 1000;

    public long PartitionMaxBytes { get; init; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Safety bound on partitions per table or index, so a pathological load cannot grow memory without limit [I].</summary>
    public int MaxPartitionsPerResource { get; init; } = 4096;

    /// <summary>Unused provisioned capacity retained for bursts (also accepts a duration such as 5m as an override).</summary>
    public double BurstSeconds { get; init; } = 300;

    public BurstFill InitialBurstFill { get; init; } = BurstFill.Full;

    public AdmissionMode AdmissionMode { get; init; } = AdmissionMode.Debt;

    /// <summary>Pre-2018 behaviour: each partition gets its share of provisioned capacity with a <see cref="BurstSeconds"/> burst, instead of adaptive partitions at the hard limit.</summary>
    public bool LegacyNoAdaptive { get; init; }

    /// <summary>Item buckets idle this long (and refilled) are dropped; a fresh one is identical.</summary>
    public TimeSpan ItemBucketIdleEviction { get; init; } = TimeSpan.FromSeconds(1);

    // ---- split for heat (M2) ----

    /// <summary>Fraction of the partition limit (either dimension) that counts as hot.</summary>
    public double SplitHeatThreshold { get; init; } = 0.8;

    public TimeSpan SplitHeatAfter { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>No split when one key carries more than this share of the hot partition's load.</summary>
    public double SplitHeatDominantKeyShare { get; init; } = 0.5;

    /// <summary>Keys tracked per hot partition (space-saving top-K) for the dominant-key rule and the split point.</summary>
    public int SplitHeatTrackedKeys { get; init; } = 64;

    // ---- on demand (M5) ----

    public double OnDemandNewTableReadUnitsPerSecond { get; init; } = 12000;

    public double OnDemandNewTableWriteUnitsPerSecond { get; init; } = 4000;

    /// <summary>How long a new peak takes to raise the on-demand ceiling (documented worst case 30 min).</summary>
    public TimeSpan OnDemandPeakLag { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Per-table quota, both modes (on demand: a throttle; provisioned: the most UpdateTable may set).</summary>
    public double TableQuotaReadUnitsPerSecond { get; init; } = 40000;

    public double TableQuotaWriteUnitsPerSecond { get; init; } = 40000;

    /// <summary>Sum of provisioned read units over all tables and indexes that UpdateTable may reach.</summary>
    public double AccountProvisionedReadUnits { get; init; } = 80000;

    public double AccountProvisionedWriteUnits { get; init; } = 80000;

    // ---- auto scaling and UpdateTable budgets (M7) ----

    public int AutoScalingOutDatapoints { get; init; } = 2;

    public int AutoScalingInDatapoints { get; init; } = 15;

    public double AutoScalingInMarginPercentagePoints { get; init; } = 20;

    public TimeSpan AutoScalingUpdateDelay { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan AutoScalingMetricLag { get; init; } = TimeSpan.FromSeconds(60);

    public int DecreasesInFirstHour { get; init; } = 4;

    public int DecreasesPerDay { get; init; } = 27;

    /// <summary>After the first hour of a UTC day, a decrease needs this long without one.</summary>
    public TimeSpan DecreaseInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Provisioned → on-demand switches allowed per <see cref="ModeSwitchWindow"/>.</summary>
    public int ModeSwitchesPerWindow { get; init; } = 4;

    public TimeSpan ModeSwitchWindow { get; init; } = TimeSpan.FromHours(24);

    // ---- metrics (M8) ----

    /// <summary>Per-second points kept per table or index; beyond that neighbours merge pairwise (2 s, 4 s, …).</summary>
    public int MetricsMaxPoints { get; init; } = 3600;

    /// <summary>Split and scaling events kept per table or index; later ones are counted, not kept.</summary>
    public int MetricsMaxEvents { get; init; } = 1000;

    public int TopThrottledKeys { get; init; } = 10;

    // ---- the local emulator behind the simulator ----

    /// <summary>
    /// How long a table of the local target stays CREATING, UPDATING or DELETING before it is ACTIVE or gone. Zero
    /// (the default) keeps load tests fast; a few seconds let an application see those states and their errors
    /// (ResourceInUseException on a CREATING table), as on DynamoDB. At most <see cref="MaxTableStatusDelay"/>.
    /// </summary>
    public TimeSpan TableStatusDelay { get; init; }

    /// <summary>The longest <see cref="TableStatusDelay"/>: beyond it a run would wait on table creation for nothing.</summary>
    public static readonly TimeSpan MaxTableStatusDelay = TimeSpan.FromMinutes(10);

    // ---- prices: the defaults are Core's one price table (CostPrices); a suite may override them here ----

    public double OnDemandWriteDollarsPerMillionUnits { get; init; } = CostPrices.Default.OnDemandWritePerMillion;

    public double OnDemandReadDollarsPerMillionUnits { get; init; } = CostPrices.Default.OnDemandReadPerMillion;

    public double ProvisionedWriteDollarsPerUnitHour { get; init; } = CostPrices.Default.ProvisionedWritePerUnitHour;

    public double ProvisionedReadDollarsPerUnitHour { get; init; } = CostPrices.Default.ProvisionedReadPerUnitHour;

    public double StorageDollarsPerGbMonth { get; init; } = 0.25;

    public double HoursPerMonth { get; init; } = 730;

    /// <summary>Utilisation assumed when pricing an on-demand trace as provisioned (what-if): capacity = peak minute rate / this.</summary>
    public double WhatIfTargetUtilization { get; init; } = CostPrices.Default.TargetUtilization;

    /// <summary>These settings' prices as the run's price table, so the simulator, the plan and the run's cost price alike.</summary>
    public CostPrices Prices => new()
    {
        OnDemandReadPerMillion = OnDemandReadDollarsPerMillionUnits,
        OnDemandWritePerMillion = OnDemandWriteDollarsPerMillionUnits,
        ProvisionedReadPerUnitHour = ProvisionedReadDollarsPerUnitHour,
        ProvisionedWritePerUnitHour = ProvisionedWriteDollarsPerUnitHour,
        TargetUtilization = WhatIfTargetUtilization,
    };

    /// <summary>A copy that prices with <paramref name="prices"/> (the run's resolved price table).</summary>
    public CapacitySettings WithPrices(CostPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return this with
        {
            OnDemandReadDollarsPerMillionUnits = prices.OnDemandReadPerMillion,
            OnDemandWriteDollarsPerMillionUnits = prices.OnDemandWritePerMillion,
            ProvisionedReadDollarsPerUnitHour = prices.ProvisionedReadPerUnitHour,
            ProvisionedWriteDollarsPerUnitHour = prices.ProvisionedWritePerUnitHour,
            WhatIfTargetUtilization = prices.TargetUtilization,
        };
    }

    /// <summary>Partition limit of a dimension.</summary>
    public double PartitionMax(CapacityDimension dimension) =>
        dimension == CapacityDimension.Read ? PartitionMaxReadUnitsPerSecond : PartitionMaxWriteUnitsPerSecond;

    public double OnDemandNewTable(CapacityDimension dimension) =>
        dimension == CapacityDimension.Read ? OnDemandNewTableReadUnitsPerSecond : OnDemandNewTableWriteUnitsPerSecond;

    public double TableQuota(CapacityDimension dimension) =>
        dimension == CapacityDimension.Read ? TableQuotaReadUnitsPerSecond : TableQuotaWriteUnitsPerSecond;
}
