using LoadLab.Capacity.Model.Buckets;
using LoadLab.Capacity.Model.Partitions;

namespace LoadLab.Capacity.Model.Resources;

/// <summary>Admission checks and deductions (M4): the hot path, so no allocation and no LINQ.</summary>
internal sealed partial class CapacityResource
{
    /// <summary>Bit of a <see cref="ThrottleLimit"/> in a check result.</summary>
    public static int Bit(ThrottleLimit limit) => 1 << (int)limit;

    /// <summary>
    /// Which limits would refuse the charge now (0 = admitted): on demand the maximum, the quota and
    /// the ceiling; provisioned the table bucket with burst; then the partition and the item.
    /// Nothing is deducted.
    /// </summary>
    public int Check(in Charge charge, double now)
    {
        var i = (int)charge.Dimension;
        var mode = settings.AdmissionMode;
        var units = charge.Units;
        var refused = 0;
        var bucket = table[i];
        bucket.Refill(now);
        if (Mode == CapacityBillingMode.OnDemand)
        {
            if (maxOnDemand[i] is { } max)
            {
                max.Refill(now);
                if (!max.Allows(units, mode))
                    refused |= Bit(ThrottleLimit.MaxOnDemand);
            }

            var quotaBucket = quota[i];
            quotaBucket.Refill(now);
            if (!quotaBucket.Allows(units, mode))
                refused |= Bit(ThrottleLimit.AccountLimit);

            // At the quota the ceiling is the quota: report that once, as the account limit.
            if (!ceilingAtQuota[i] && !bucket.Allows(units, mode))
                refused |= Bit(ThrottleLimit.KeyRange);
        }
        else if (!bucket.Allows(units, mode))
        {
            refused |= Bit(ThrottleLimit.Provisioned);
        }

        var itemHash = 0UL;
        var partition = partitions.Route(RouteKey(charge, ref itemHash));
        var partitionBucket = partition.Bucket(charge.Dimension);
        partitionBucket.Refill(now);
        if (!partitionBucket.Allows(units, mode))
            refused |= Bit(ThrottleLimit.KeyRange);

        if (!items.Get(charge.ItemKey, charge.Dimension, now).Allows(units, mode))
            refused |= Bit(ThrottleLimit.KeyRange);
        return refused;
    }

    /// <summary>Deducts what a request consumed from every bucket it touches (they may go into debt) and records it.</summary>
    public void Deduct(in Charge charge, double now)
    {
        var units = charge.Units;
        if (!(units > 0))
            return;
        var i = (int)charge.Dimension;
        Take(table[i], units, now);
        if (Mode == CapacityBillingMode.OnDemand)
        {
            Take(quota[i], units, now);
            if (maxOnDemand[i] is { } max)
                Take(max, units, now);
        }

        var itemHash = 0UL;
        var partition = partitions.Route(RouteKey(charge, ref itemHash));
        Take(partition.Bucket(charge.Dimension), units, now);
        partition.AddSecondUnits(charge.Dimension, units);
        if (partition.IsHot && partition.Heat is { } heat)
        {
            // With LSIs a partition key's items must stay together, so load is tracked per partition key.
            if (allowWithinKeySplits && itemHash == 0)
                itemHash = RoutingKey.ItemHash(charge.ItemKey);
            heat.Add(RoutingKey.Of(charge.PartitionHash, allowWithinKeySplits ? itemHash : 0), units);
        }

        items.Get(charge.ItemKey, charge.Dimension, now).Take(units);
        Metrics.Consumed(charge.Dimension, units);
    }

    /// <summary>
    /// Gives back a charge deducted in advance (<see cref="ICapacityModel.Reserve"/>): every bucket it was taken
    /// from gets the units back, never above its capacity, and the consumption recorded for it is taken off
    /// again. Heat statistics keep it: a refund follows its deduction within the same request.
    /// </summary>
    public void Refund(in Charge charge, double now)
    {
        var units = charge.Units;
        if (!(units > 0))
            return;
        var i = (int)charge.Dimension;
        Give(table[i], units, now);
        if (Mode == CapacityBillingMode.OnDemand)
        {
            Give(quota[i], units, now);
            if (maxOnDemand[i] is { } max)
                Give(max, units, now);
        }

        var itemHash = 0UL;
        var partition = partitions.Route(RouteKey(charge, ref itemHash));
        Give(partition.Bucket(charge.Dimension), units, now);
        partition.AddSecondUnits(charge.Dimension, -Math.Min(units, partition.SecondUnits(charge.Dimension)));
        items.Get(charge.ItemKey, charge.Dimension, now).Give(units);
        Metrics.Refunded(charge.Dimension, units);
    }

    /// <summary>Counts a refused charge: one throttle event, under each limit that refused it.</summary>
    public void RecordThrottle(in Charge charge, int refused) => Metrics.ThrottleEvent(charge.Dimension, refused, charge.PartitionHash);

    private static void Take(TokenBucket bucket, double units, double now)
    {
        bucket.Refill(now);
        bucket.Take(units);
    }

    private static void Give(TokenBucket bucket, double units, double now)
    {
        bucket.Refill(now);
        bucket.Give(units);
    }

    private UInt128 RouteKey(in Charge charge, ref ulong itemHash)
    {
        if (!partitions.HasWithinKeyBoundaries)
            return RoutingKey.Of(charge.PartitionHash, 0);
        itemHash = RoutingKey.ItemHash(charge.ItemKey);
        return RoutingKey.Of(charge.PartitionHash, itemHash);
    }
}
