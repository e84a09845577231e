using LoadLab.Capacity.Model.Buckets;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.Capacity.Model.Partitions;
using LoadLab.Capacity.Model.Settings;
using LoadLab.Capacity.Model.Sketches;

namespace LoadLab.Capacity.Model.Resources;

/// <summary>Partition buckets and splits (M1, M2): doubling for throughput, size splits, split for heat.</summary>
internal sealed partial class CapacityResource
{
    private int hotPartitions;

    private bool Legacy => settings.LegacyNoAdaptive && Mode == CapacityBillingMode.Provisioned;

    private static Partition NewPartition(UInt128 low, double now) =>
        new(low, new TokenBucket(0, 0, 0, now), new TokenBucket(0, 0, 0, now));

    /// <summary>
    /// Adaptive capacity: every partition may use up to the hard per-partition limit (one second of
    /// it, no burst), the table-level bucket keeping the total. Legacy: each partition gets its share
    /// of provisioned capacity — by key-space fraction, which is provisioned/P for equal ranges and
    /// the 2017 "split evenly" halving after a size split — with the burst.
    /// </summary>
    private (double Rate, double Capacity) PartitionRate(int index, CapacityDimension dimension)
    {
        if (!Legacy)
            return (settings.PartitionMax(dimension), settings.PartitionMax(dimension));
        var rate = provisioned[(int)dimension] * partitions.FractionOf(index);
        return (rate, rate * Math.Max(1, settings.BurstSeconds));
    }

    private void ConfigurePartitionBuckets(double now, bool fresh)
    {
        for (var i = 0; i < partitions.Count; i++)
        {
            foreach (var d in Dimensions)
            {
                var (rate, capacity) = PartitionRate(i, d);
                var bucket = partitions[i].Bucket(d);
                if (fresh)
                    bucket.Reset(rate, capacity, !Legacy || settings.InitialBurstFill == BurstFill.Full ? capacity : 0, now);
                else
                    bucket.Reconfigure(rate, capacity, now);
            }
        }
    }

    /// <summary>Doubles partitions (each splits at its middle) until <paramref name="required"/>; never merges.</summary>
    private void EnsurePartitions(int required, double now, string cause)
    {
        var before = partitions.Count;
        required = Math.Min(required, settings.MaxPartitionsPerResource);
        while (partitions.Count < required)
        {
            var room = settings.MaxPartitionsPerResource - partitions.Count;
            var next = new List<Partition>(partitions.Count * 2);
            for (var i = 0; i < partitions.Count; i++)
            {
                var partition = partitions[i];
                next.Add(partition);
                if (room > 0 && PartitionLayout.Midpoint(partition.Low, partitions.HighOf(i)) is { } middle)
                {
                    next.Add(NewPartition(middle, now));
                    room--;
                }
            }

            if (next.Count == partitions.Count)
                break;
            foreach (var partition in next)
                EndHeat(partition);
            partitions.Reset(next);
            ConfigurePartitionBuckets(now, fresh: true);
        }

        if (partitions.Count != before)
            Metrics.Split(now, cause, before, partitions.Count);
    }

    /// <summary>
    /// Storage splits: with only a table-wide byte count (the proxy records no per-key sizes), data
    /// is taken as spread evenly over the key space, so a range holds bytes × its share of the space.
    /// </summary>
    private void SplitForSize(double now)
    {
        var before = partitions.Count;
        var split = true;
        while (split && partitions.Count < settings.MaxPartitionsPerResource)
        {
            split = false;
            for (var i = partitions.Count - 1; i >= 0 && partitions.Count < settings.MaxPartitionsPerResource; i--)
            {
                if (storedBytes * partitions.FractionOf(i) <= settings.PartitionMaxBytes)
                    continue;
                if (PartitionLayout.Midpoint(partitions[i].Low, partitions.HighOf(i)) is { } middle)
                {
                    SplitAt(i, middle, now);
                    split = true;
                }
            }
        }

        if (partitions.Count != before)
            Metrics.Split(now, SplitCauses.Size, before, partitions.Count);
    }

    /// <summary>
    /// Split for heat (M2): a partition consuming at least the threshold share of the partition
    /// limit in either dimension, second after second for the configured time, splits at its
    /// load-weighted median key — unless one key dominates, which a split cannot help.
    /// </summary>
    private void CheckHeat(long second, double end)
    {
        var hotRead = settings.SplitHeatThreshold * settings.PartitionMaxReadUnitsPerSecond;
        var hotWrite = settings.SplitHeatThreshold * settings.PartitionMaxWriteUnitsPerSecond;
        var after = settings.SplitHeatAfter.TotalSeconds;
        // Backwards, so a split's new right-hand partition is not visited in the same pass.
        var closing = partitions.Count;
        for (var i = partitions.Count - 1; i >= 0; i--)
        {
            var partition = partitions[i];
            Metrics.PartitionLoad(i, closing, partition.SecondReadUnits, partition.SecondWriteUnits);
            var hot = partition.SecondReadUnits >= hotRead || partition.SecondWriteUnits >= hotWrite;
            partition.SecondReadUnits = 0;
            partition.SecondWriteUnits = 0;
            if (!hot)
            {
                EndHeat(partition);
            }
            else if (!partition.IsHot)
            {
                partition.HotSince = second;
                hotPartitions++;
                (partition.Heat ??= new SpaceSavingSummary(settings.SplitHeatTrackedKeys)).Clear();
            }
            else if (end - partition.HotSince >= after)
            {
                SplitForHeat(i, end);
            }
        }
    }

    private void SplitForHeat(int index, double now)
    {
        var partition = partitions[index];
        var outcome = HeatSplitOutcome.NoBoundary;
        UInt128 boundary = default;
        if (partitions.Count < settings.MaxPartitionsPerResource && partition.Heat is { } heat)
            outcome = HeatSplitPlanner.Plan(heat, partition.Low, partitions.HighOf(index), allowWithinKeySplits, settings.SplitHeatDominantKeyShare, out boundary);
        // Whatever the outcome, a new streak must build up before the next decision.
        EndHeat(partition);
        if (outcome != HeatSplitOutcome.Split)
            return;
        var before = partitions.Count;
        SplitAt(index, boundary, now);
        Metrics.Split(now, SplitCauses.Heat, before, partitions.Count);
    }

    /// <summary>Splits one partition at <paramref name="boundary"/>; both halves start with fresh buckets (adaptive) or share the old tokens (legacy).</summary>
    private void SplitAt(int index, UInt128 boundary, double now)
    {
        var left = partitions[index];
        EndHeat(left);
        var right = NewPartition(boundary, now);
        partitions.InsertAfter(index, right);
        foreach (var d in Dimensions)
        {
            var oldTokens = left.Bucket(d).Tokens;
            foreach (var (partition, position) in new[] { (left, index), (right, index + 1) })
            {
                var (rate, capacity) = PartitionRate(position, d);
                var tokens = Legacy ? oldTokens * partitions.FractionOf(position) / (partitions.FractionOf(index) + partitions.FractionOf(index + 1)) : capacity;
                partition.Bucket(d).Reset(rate, capacity, tokens, now);
            }
        }
    }

    private void EndHeat(Partition partition)
    {
        if (partition.IsHot)
            hotPartitions--;
        partition.HotSince = double.NaN;
        partition.Heat?.Clear();
    }
}
