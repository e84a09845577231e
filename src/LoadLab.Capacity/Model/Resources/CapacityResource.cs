using LoadLab.Capacity.Model.AutoScaling;
using LoadLab.Capacity.Model.Buckets;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.Capacity.Model.OnDemand;
using LoadLab.Capacity.Model.Partitions;
using LoadLab.Capacity.Model.Settings;
using LoadLab.Capacity.Model.Time;

namespace LoadLab.Capacity.Model.Resources;

/// <summary>
/// A capacity resource (docs/capacity-model.md §10): a base table or one of its GSIs, with its table-level buckets
/// (provisioned + burst, or the on-demand ceiling, maximum and quota), partitions, item buckets,
/// on-demand peaks, auto scaling and metrics. Not thread-safe: the owning <see cref="TableState"/>'s lock guards it.
/// This file holds state and configuration; admission, periodic work and partitions are in the partial files.
/// </summary>
internal sealed partial class CapacityResource
{
    private static readonly CapacityDimension[] Dimensions = [CapacityDimension.Read, CapacityDimension.Write];

    private readonly CapacitySettings settings;
    private readonly ModelClock clock;
    private readonly TokenBucket[] table = new TokenBucket[2];
    private readonly TokenBucket[] quota = new TokenBucket[2];
    private readonly TokenBucket?[] maxOnDemand = new TokenBucket?[2];
    private readonly OnDemandCeiling[] ceilings = [new(), new()];
    private readonly AutoScaler?[] scalers = new AutoScaler?[2];
    private readonly double[] provisioned = new double[2];
    private readonly double?[] maxUnits = new double?[2];
    private readonly double?[] warm = new double?[2];
    private readonly bool[] ceilingAtQuota = new bool[2];
    private readonly PartitionLayout partitions = new();
    private readonly ItemBucketTable items;
    private readonly bool allowWithinKeySplits;
    private long storedBytes;
    private double storedByteSeconds;
    private double storedSince;

    public CapacityResource(
        CapacitySettings settings, ModelClock clock, string tableName, string? indexName, bool allowWithinKeySplits, ResourceCapacity capacity, double now)
    {
        this.settings = settings;
        this.clock = clock;
        this.allowWithinKeySplits = allowWithinKeySplits;
        TableName = tableName;
        IndexName = indexName;
        Mode = capacity.Mode;
        storedSince = now;
        items = new ItemBucketTable(settings.PartitionMaxReadUnitsPerSecond, settings.PartitionMaxWriteUnitsPerSecond);
        Decreases = new DecreaseBudget(settings);
        foreach (var d in Dimensions)
        {
            var i = (int)d;
            provisioned[i] = capacity.Units(d);
            ceilings[i].RaiseInitialPeak(settings.OnDemandNewTable(d) / 2);
            quota[i] = new TokenBucket(settings.TableQuota(d), settings.TableQuota(d), settings.TableQuota(d), now);
            table[i] = new TokenBucket(0, 0, 0, now);
        }

        ApplyLimits(capacity, now);
        foreach (var d in Dimensions)
        {
            // A new provisioned table starts idle (full burst) or cold, per the settings; on demand starts at its ceiling.
            var bucket = table[(int)d];
            var full = Mode == CapacityBillingMode.OnDemand || settings.InitialBurstFill == BurstFill.Full;
            bucket.Reset(bucket.Rate, bucket.Capacity, full ? bucket.Capacity : 0, now);
        }

        var count = Math.Min(settings.MaxPartitionsPerResource, RequiredPartitions());
        partitions.Reset(PartitionLayout.EqualLows(count).Select(low => NewPartition(low, now)).ToList());
        ConfigurePartitionBuckets(now, fresh: true);
        Metrics = new ResourceRecorder(settings, clock, indexName is not null, now, Mode, provisioned[0], provisioned[1]);
    }

    public string TableName { get; }

    public string? IndexName { get; }

    public bool IsIndex => IndexName is not null;

    public CapacityBillingMode Mode { get; private set; }

    public ResourceRecorder Metrics { get; }

    /// <summary>Decreases of this table or index (auto scaling and UpdateTable share the budget).</summary>
    public DecreaseBudget Decreases { get; }

    public int PartitionCount => partitions.Count;

    public double Provisioned(CapacityDimension dimension) => provisioned[(int)dimension];

    /// <summary>The table-level limit now: provisioned units, or the on-demand ceiling capped by any maximum.</summary>
    public double Limit(CapacityDimension dimension)
    {
        var i = (int)dimension;
        if (Mode == CapacityBillingMode.Provisioned)
            return provisioned[i];
        var ceiling = ceilings[i].Ceiling(settings.TableQuota(dimension));
        return maxUnits[i] is { } max ? Math.Min(ceiling, max) : ceiling;
    }

    /// <summary>The current settings as a definition shape (units change under auto scaling).</summary>
    public ResourceCapacity Capacity => new(
        Mode,
        provisioned[0],
        provisioned[1],
        maxUnits[0],
        maxUnits[1],
        WarmValue(CapacityDimension.Read),
        WarmValue(CapacityDimension.Write),
        scalers[0]?.Policy,
        scalers[1]?.Policy);

    /// <summary>
    /// Applies an UpdateTable (already judged by the caller: budgets and quotas). A switch to on
    /// demand starts from a previous peak of half the provisioned level, never below a new table's (docs/capacity-model.md §15).
    /// </summary>
    public void Update(ResourceCapacity capacity, double now)
    {
        var before = new[] { Limit(CapacityDimension.Read), Limit(CapacityDimension.Write) };
        var switching = capacity.Mode != Mode;
        if (switching && capacity.Mode == CapacityBillingMode.OnDemand)
        {
            foreach (var d in Dimensions)
                ceilings[(int)d].RaiseInitialPeak(Math.Max(settings.OnDemandNewTable(d), provisioned[(int)d]) / 2);
        }

        var oldUnits = new[] { provisioned[0], provisioned[1] };
        Mode = capacity.Mode;
        ApplyLimits(capacity, now);
        ConfigurePartitionBuckets(now, fresh: false);
        EnsurePartitions(RequiredPartitions(), now, Mode == CapacityBillingMode.OnDemand ? SplitCauses.OnDemandCeiling : SplitCauses.Throughput);
        Metrics.CapacityChanged(now, Mode, provisioned[0], provisioned[1]);
        foreach (var d in Dimensions)
        {
            var i = (int)d;
            if (switching)
                Metrics.Scaling(now, ScalingKinds.ModeSwitch, d, before[i], Limit(d));
            else if (Mode == CapacityBillingMode.Provisioned && oldUnits[i] != provisioned[i])
                Metrics.Scaling(now, ScalingKinds.UpdateTable, d, oldUnits[i], provisioned[i]);
        }
    }

    /// <summary>Records the table's stored bytes (size splits assume data spread evenly over the key space).</summary>
    public void SetStoredBytes(long bytes, double now)
    {
        storedByteSeconds += storedBytes * Math.Max(0, now - storedSince);
        storedSince = now;
        storedBytes = Math.Max(0, bytes);
        SplitForSize(now);
    }

    public long StoredBytes => storedBytes;

    public CapacityResourceMetrics Snapshot(double now, bool deleted)
    {
        var metrics = new CapacityResourceMetrics
        {
            Table = TableName,
            Index = IndexName,
            Mode = Mode,
            Deleted = deleted,
            ProvisionedReadUnits = provisioned[0],
            ProvisionedWriteUnits = provisioned[1],
            CapacityReadUnitsPerSecond = Limit(CapacityDimension.Read),
            CapacityWriteUnitsPerSecond = Limit(CapacityDimension.Write),
            BurstReadUnits = Level(CapacityDimension.Read, now),
            BurstWriteUnits = Level(CapacityDimension.Write, now),
            PartitionCount = partitions.Count,
            StoredBytes = storedBytes,
            StoredByteHours = (storedByteSeconds + (storedBytes * Math.Max(0, now - storedSince))) / 3600,
            ReadScaling = scalers[0]?.Policy,
            WriteScaling = scalers[1]?.Policy,
        };
        return Metrics.Fill(metrics, now);
    }

    /// <summary>Sets units, maxima, warm throughput and policies, and reconfigures the table-level buckets.</summary>
    private void ApplyLimits(ResourceCapacity capacity, double now)
    {
        foreach (var d in Dimensions)
        {
            var i = (int)d;
            // On demand keeps the last provisioned units: a later switch back starts from them.
            if (capacity.Mode == CapacityBillingMode.Provisioned)
                provisioned[i] = capacity.Units(d);
            maxUnits[i] = d == CapacityDimension.Read ? capacity.MaxReadRequestUnits : capacity.MaxWriteRequestUnits;
            warm[i] = d == CapacityDimension.Read ? capacity.WarmReadUnitsPerSecond : capacity.WarmWriteUnitsPerSecond;
            if (warm[i] is { } warmUnits)
                ceilings[i].RaiseInitialPeak(warmUnits / 2);
            var policy = d == CapacityDimension.Read ? capacity.ReadScaling : capacity.WriteScaling;
            if (policy is null)
                scalers[i] = null;
            else if (scalers[i] is { } scaler)
                scaler.Policy = policy;
            else
                scalers[i] = new AutoScaler(settings, policy);
        }

        ConfigureTableBuckets(now);
    }

    private void ConfigureTableBuckets(double now)
    {
        foreach (var d in Dimensions)
        {
            var i = (int)d;
            var quotaUnits = settings.TableQuota(d);
            if (Mode == CapacityBillingMode.Provisioned)
            {
                // At least one second of capacity, so a zero burst setting still admits steady traffic.
                table[i].Reconfigure(provisioned[i], provisioned[i] * Math.Max(1, settings.BurstSeconds), now);
                ceilingAtQuota[i] = false;
            }
            else
            {
                var ceiling = ceilings[i].Ceiling(quotaUnits);
                table[i].Reconfigure(ceiling, ceiling, now);
                ceilingAtQuota[i] = ceiling >= quotaUnits;
            }

            if (maxUnits[i] is not { } max)
                maxOnDemand[i] = null;
            else if (maxOnDemand[i] is { } bucket)
                bucket.Reconfigure(max, max, now);
            else
                maxOnDemand[i] = new TokenBucket(max, max, max, now);
        }
    }

    private int RequiredPartitions()
    {
        if (Mode == CapacityBillingMode.Provisioned)
            return PartitionCounts.Provisioned(settings, provisioned[0], provisioned[1], storedBytes, warm[0], warm[1]);
        return PartitionCounts.OnDemand(
            settings,
            ceilings[0].Ceiling(settings.TableQuotaReadUnitsPerSecond),
            ceilings[1].Ceiling(settings.TableQuotaWriteUnitsPerSecond),
            storedBytes,
            warm[0],
            warm[1]);
    }

    private double? WarmValue(CapacityDimension dimension)
    {
        // Warm throughput is what the resource can take instantly; it rises with use and never falls.
        var configured = warm[(int)dimension];
        if (Mode == CapacityBillingMode.OnDemand)
            return Math.Max(configured ?? 0, ceilings[(int)dimension].Ceiling(settings.TableQuota(dimension)));
        return configured;
    }

    /// <summary>Tokens in the table-level bucket at <paramref name="now"/> (the burst left, in provisioned mode).</summary>
    private double Level(CapacityDimension dimension, double now)
    {
        var bucket = table[(int)dimension];
        bucket.Refill(now);
        return bucket.Tokens;
    }
}
