using LoadLab.Capacity.Model.Metrics;

namespace LoadLab.Capacity.Model.Resources;

/// <summary>
/// Work on the clock (M2 per-second split checks, M5 per-minute peaks, M7 datapoints and delayed
/// updates, M8 intervals), called by <see cref="TableState.Advance"/> at whole seconds in order.
/// </summary>
internal sealed partial class CapacityResource
{
    /// <summary>Nothing to do second by second: no traffic this second, no hot partition, no live item bucket.</summary>
    public bool IsQuiet => Metrics.SecondIsEmpty && hotPartitions == 0 && items.Count == 0;

    /// <summary>The earliest pending timed event (peak maturing, datapoint visible, update due); +∞ when none.</summary>
    public double NextDue
    {
        get
        {
            var next = double.PositiveInfinity;
            foreach (var d in Dimensions)
            {
                var i = (int)d;
                next = Math.Min(next, Mode == CapacityBillingMode.OnDemand ? ceilings[i].NextDue : scalers[i]?.NextDue ?? double.PositiveInfinity);
            }

            return next;
        }
    }

    /// <summary>Closes second [<paramref name="second"/>, +1): split-for-heat checks, item sweep, metrics point.</summary>
    public void CloseSecond(long second)
    {
        double end = second + 1;
        CheckHeat(second, end);
        items.Sweep(end, settings.ItemBucketIdleEviction.TotalSeconds);
        CloseInterval(second, 1, end);
    }

    /// <summary>Closes an idle gap in one metrics point (nothing else can happen while quiet).</summary>
    public void CloseGap(long start, int seconds) => CloseInterval(start, seconds, start + seconds);

    /// <summary>At a clock-minute boundary: the minute's served rate feeds the on-demand peak or the auto-scaling datapoints.</summary>
    public void CloseMinute(double boundary)
    {
        foreach (var d in Dimensions)
        {
            var i = (int)d;
            var units = Metrics.MinuteUnits(d);
            if (Mode == CapacityBillingMode.OnDemand)
            {
                // A minute cannot sustain more than the ceiling; what it served above it is the
                // bucket's one second of stored tokens (or debt overshoot), not traffic growth.
                var rate = Math.Min(units / 60, ceilings[i].Ceiling(settings.TableQuota(d)));
                ceilings[i].AddMinute(boundary, rate, settings.OnDemandPeakLag.TotalSeconds);
            }
            else
                scalers[i]?.AddMinute(boundary, units);
        }

        Metrics.CloseMinute();
    }

    public void CloseHour(double boundary) => Metrics.CloseHour(boundary, Mode, provisioned[0], provisioned[1]);

    /// <summary>Runs timed events due by <paramref name="now"/>: matured peaks raise the ceiling; datapoints drive auto scaling.</summary>
    public void RunDue(double now)
    {
        if (Mode == CapacityBillingMode.OnDemand)
        {
            var rose = false;
            foreach (var d in Dimensions)
                rose |= ceilings[(int)d].Mature(now);
            if (rose)
                RaiseCeilings(now);
            return;
        }

        foreach (var d in Dimensions)
        {
            var i = (int)d;
            if (scalers[i] is not { } scaler)
                continue;
            if (scaler.Evaluate(now, provisioned[i], Decreases) is { } decision)
            {
                // The decrease counts against the budget when auto scaling issues it.
                if (decision.IsDecrease)
                    Decreases.Record(now);
                Metrics.Scaling(now, ScalingKinds.AutoScalingScheduled, d, provisioned[i], decision.Units);
            }

            if (scaler.TakeDue(now) is { } units)
                SetProvisioned(d, units, now);
        }
    }

    private void SetProvisioned(CapacityDimension dimension, double units, double now)
    {
        var i = (int)dimension;
        var from = provisioned[i];
        provisioned[i] = units;
        ConfigureTableBuckets(now);
        ConfigurePartitionBuckets(now, fresh: false);
        EnsurePartitions(RequiredPartitions(), now, SplitCauses.Throughput);
        Metrics.CapacityChanged(now, Mode, provisioned[0], provisioned[1]);
        Metrics.Scaling(now, ScalingKinds.AutoScalingApplied, dimension, from, units);
    }

    private void RaiseCeilings(double now)
    {
        var before = new[] { table[0].Rate, table[1].Rate };
        ConfigureTableBuckets(now);
        foreach (var d in Dimensions)
        {
            if (table[(int)d].Rate != before[(int)d])
                Metrics.Scaling(now, ScalingKinds.OnDemandCeiling, d, before[(int)d], table[(int)d].Rate);
        }

        EnsurePartitions(RequiredPartitions(), now, SplitCauses.OnDemandCeiling);
    }

    private void CloseInterval(long start, int seconds, double end) =>
        Metrics.CloseInterval(
            start,
            seconds,
            Level(CapacityDimension.Read, end),
            Level(CapacityDimension.Write, end),
            partitions.Count,
            Limit(CapacityDimension.Read),
            Limit(CapacityDimension.Write));
}
