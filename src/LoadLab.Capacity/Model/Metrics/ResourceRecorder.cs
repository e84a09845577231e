using System.Globalization;
using LoadLab.Capacity.Model.Partitions;
using LoadLab.Capacity.Model.Sketches;
using LoadLab.Capacity.Model.Time;

namespace LoadLab.Capacity.Model.Metrics;

/// <summary>
/// The metrics of one table or index (M8) in bounded memory: accumulators for the running second,
/// minute and hour, a merging per-second series, exact clock hours, capped event lists and a
/// top-K of throttled keys. The owning table's lock guards it.
/// </summary>
internal sealed class ResourceRecorder
{
    // A year of hours; beyond that the oldest are dropped (cost reports would say so via DroppedEvents).
    private const int MaxHours = 24 * 366;

    // Heat rows per interval: more partitions are folded into this many key-ordered groups (each its hottest member).
    private const int MaxHeatRows = 64;

    private readonly CapacitySettings settings;
    private readonly ModelClock clock;
    private readonly bool isIndex;
    private readonly SecondSeries seconds;
    private readonly List<CapacityHour> hours = [];
    private readonly HourAccumulator hour = new();
    private readonly List<PartitionSplitEvent> splits = [];
    private readonly List<ScalingEvent> scaling = [];
    private readonly SpaceSavingSummary throttledKeys;
    private readonly SpaceSavingSummary intervalKeys = new(IntervalKeys.PerInterval * 2);

    private SecondPoint second;
    private double minuteRead;
    private double minuteWrite;
    private double totalRead;
    private double totalWrite;
    private long totalThrottled;
    private long totalReadEvents;
    private long totalWriteEvents;
    private ReasonCounts totalReasons;
    private long droppedEvents;

    public ResourceRecorder(CapacitySettings settings, ModelClock clock, bool isIndex, double now, CapacityBillingMode mode, double read, double write)
    {
        this.settings = settings;
        this.clock = clock;
        this.isIndex = isIndex;
        seconds = new SecondSeries(settings.MetricsMaxPoints);
        throttledKeys = new SpaceSavingSummary(Math.Max(16, settings.TopThrottledKeys * 4));
        hour.Begin(Math.Floor(now / 3600) * 3600, now, mode, read, write);
    }

    /// <summary>Nothing happened in the running second (lets the table skip idle seconds in one step).</summary>
    public bool SecondIsEmpty => second.ReadUnits == 0 && second.WriteUnits == 0 && second.ThrottledRequests == 0
        && second.ReadThrottleEvents == 0 && second.WriteThrottleEvents == 0;

    public double MinuteUnits(CapacityDimension dimension) => dimension == CapacityDimension.Read ? minuteRead : minuteWrite;

    public void Consumed(CapacityDimension dimension, double units)
    {
        if (dimension == CapacityDimension.Read)
        {
            second.ReadUnits += units;
            minuteRead += units;
            hour.ConsumedRead += units;
            totalRead += units;
        }
        else
        {
            second.WriteUnits += units;
            minuteWrite += units;
            hour.ConsumedWrite += units;
            totalWrite += units;
        }
    }

    /// <summary>
    /// Takes back consumption recorded for a refunded reservation; no counter goes below zero (a refund that
    /// lands in the next second finds that second's counters nearly empty).
    /// </summary>
    public void Refunded(CapacityDimension dimension, double units)
    {
        if (dimension == CapacityDimension.Read)
        {
            second.ReadUnits = Math.Max(0, second.ReadUnits - units);
            minuteRead = Math.Max(0, minuteRead - units);
            hour.ConsumedRead = Math.Max(0, hour.ConsumedRead - units);
            totalRead = Math.Max(0, totalRead - units);
        }
        else
        {
            second.WriteUnits = Math.Max(0, second.WriteUnits - units);
            minuteWrite = Math.Max(0, minuteWrite - units);
            hour.ConsumedWrite = Math.Max(0, hour.ConsumedWrite - units);
            totalWrite = Math.Max(0, totalWrite - units);
        }
    }

    /// <summary>
    /// One throttle event (a charge refused by one or more limits, each counted under its reason). Hot keys
    /// are counted by partition key: the sort key does not spread load, so a hot tenant is one key however many items it has.
    /// </summary>
    public void ThrottleEvent(CapacityDimension dimension, int limitMask, ulong partitionHash)
    {
        if (dimension == CapacityDimension.Read)
        {
            second.ReadThrottleEvents++;
            totalReadEvents++;
        }
        else
        {
            second.WriteThrottleEvents++;
            totalWriteEvents++;
        }

        for (var limit = 0; limit < 4; limit++)
        {
            if ((limitMask & (1 << limit)) == 0)
                continue;
            var slot = ReasonCounts.Slot((ThrottleLimit)limit, dimension);
            second.Reasons[slot]++;
            totalReasons[slot]++;
        }

        if (settings.TopThrottledKeys > 0)
        {
            var key = RoutingKey.Of(partitionHash, 0);
            throttledKeys.Add(key, 1);
            intervalKeys.Add(key, 1);
        }
    }

    /// <summary>
    /// What partition <paramref name="index"/> of <paramref name="count"/> consumed in the second being
    /// closed (before the heat check resets it): the hottest partition's units and each one's share of
    /// the per-partition limit, for the partition heat view and the per-partition limit line.
    /// </summary>
    public void PartitionLoad(int index, int count, double readUnits, double writeUnits)
    {
        second.HotPartitionRead = Math.Max(second.HotPartitionRead, readUnits);
        second.HotPartitionWrite = Math.Max(second.HotPartitionWrite, writeUnits);
        var share = (float)Math.Max(readUnits / settings.PartitionMaxReadUnitsPerSecond, writeUnits / settings.PartitionMaxWriteUnitsPerSecond);
        var rows = Math.Min(count, MaxHeatRows);
        if (second.PartitionShares is null || second.PartitionShares.Length != rows)
            second.PartitionShares = new float[rows];
        var row = (int)((long)index * rows / count);
        second.PartitionShares[row] = Math.Max(second.PartitionShares[row], share);
    }

    public void ThrottledRequest()
    {
        second.ThrottledRequests++;
        hour.ThrottledRequests++;
        totalThrottled++;
    }

    /// <summary>Closes an interval (one second, or an idle gap) with the levels at its end.</summary>
    public void CloseInterval(long start, int duration, double burstRead, double burstWrite, int partitions, double capacityRead, double capacityWrite)
    {
        second.Start = start;
        second.Duration = duration;
        second.BurstReadUnits = burstRead;
        second.BurstWriteUnits = burstWrite;
        second.Partitions = partitions;
        second.CapacityReadUnitsPerSecond = capacityRead;
        second.CapacityWriteUnitsPerSecond = capacityWrite;
        if (intervalKeys.Count > 0)
        {
            second.Keys = TopKeys(intervalKeys, IntervalKeys.PerInterval);
            intervalKeys.Clear();
        }

        // An interval without traffic has no heat to show (its shares stay null).
        if (second.PartitionShares is not null && second.ReadUnits == 0 && second.WriteUnits == 0 && second.ReadThrottleEvents + second.WriteThrottleEvents == 0)
            second.PartitionShares = null;
        seconds.Add(second);
        second = default;
    }

    public void CloseMinute()
    {
        hour.PeakMinuteRead = Math.Max(hour.PeakMinuteRead, minuteRead / 60);
        hour.PeakMinuteWrite = Math.Max(hour.PeakMinuteWrite, minuteWrite / 60);
        minuteRead = minuteWrite = 0;
    }

    public void CloseHour(double boundary, CapacityBillingMode mode, double read, double write)
    {
        hour.Integrate(boundary);
        if (hours.Count >= MaxHours)
        {
            hours.RemoveAt(0);
            droppedEvents++;
        }

        hours.Add(hour.ToRecord(boundary, clock));
        hour.Begin(boundary, boundary, mode, read, write);
    }

    public void CapacityChanged(double now, CapacityBillingMode mode, double read, double write) => hour.Change(now, mode, read, write);

    public void Split(double now, string cause, int before, int after) =>
        AddEvent(splits, new PartitionSplitEvent(clock.ToTime(now), now - clock.Start, cause, before, after));

    public void Scaling(double now, string kind, CapacityDimension? dimension, double from, double to) =>
        AddEvent(scaling, new ScalingEvent(clock.ToTime(now), now - clock.Start, kind, dimension, from, to));

    /// <summary>Fills the counters and series of a metrics record (the caller adds the resource's state).</summary>
    public CapacityResourceMetrics Fill(CapacityResourceMetrics metrics, double now)
    {
        var points = new List<SecondPoint>();
        seconds.CopyTo(points);
        var series = new List<CapacitySecond>(points.Count);
        foreach (var point in points)
            series.Add(ToRecord(point));
        var hourList = new List<CapacityHour>(hours) { hour.ToRecord(now, clock) };
        return metrics with
        {
            ConsumedReadUnits = totalRead,
            ConsumedWriteUnits = totalWrite,
            ThrottledRequests = totalThrottled,
            ReadThrottleEvents = totalReadEvents,
            WriteThrottleEvents = totalWriteEvents,
            ThrottleEventsByReason = ByReason(totalReasons) ?? new Dictionary<string, long>(),
            Seconds = series,
            Hours = hourList,
            Splits = splits.ToArray(),
            ScalingEvents = scaling.ToArray(),
            DroppedEvents = droppedEvents,
            TopThrottledKeys = TopKeys(throttledKeys, settings.TopThrottledKeys),
        };
    }

    private CapacitySecond ToRecord(in SecondPoint point) => new()
    {
        OffsetSeconds = point.Start - clock.Start,
        DurationSeconds = point.Duration,
        ConsumedReadUnits = point.ReadUnits,
        ConsumedWriteUnits = point.WriteUnits,
        ThrottledRequests = point.ThrottledRequests,
        ReadThrottleEvents = point.ReadThrottleEvents,
        WriteThrottleEvents = point.WriteThrottleEvents,
        ThrottleEventsByReason = ByReason(point.Reasons),
        BurstReadUnits = point.BurstReadUnits,
        BurstWriteUnits = point.BurstWriteUnits,
        PartitionCount = point.Partitions,
        CapacityReadUnitsPerSecond = point.CapacityReadUnitsPerSecond,
        CapacityWriteUnitsPerSecond = point.CapacityWriteUnitsPerSecond,
        HotPartitionReadUnits = point.HotPartitionRead,
        HotPartitionWriteUnits = point.HotPartitionWrite,
        PartitionShares = point.PartitionShares,
        TopThrottledKeys = point.Keys,
    };

    private Dictionary<string, long>? ByReason(in ReasonCounts counts)
    {
        Dictionary<string, long>? byReason = null;
        for (var slot = 0; slot < ReasonCounts.Length; slot++)
        {
            if (counts[slot] == 0)
                continue;
            byReason ??= new Dictionary<string, long>(StringComparer.Ordinal);
            byReason[ThrottleReasons.Of(isIndex, ReasonCounts.DimensionOf(slot), ReasonCounts.LimitOf(slot))] = counts[slot];
        }

        return byReason;
    }

    private static ThrottledKey[] TopKeys(SpaceSavingSummary keys, int count)
    {
        var entries = keys.ByWeight();
        var top = new ThrottledKey[Math.Min(count, entries.Length)];
        for (var i = 0; i < top.Length; i++)
        {
            // 48 bits of the stable key hash: short to read, collisions negligible at top-K sizes.
            var hash = RoutingKey.PartitionPart(entries[i].Key) >> 16;
            top[i] = new ThrottledKey(hash.ToString("x12", CultureInfo.InvariantCulture), (long)entries[i].Weight);
        }

        return top;
    }

    private void AddEvent<T>(List<T> events, T item)
    {
        if (events.Count < settings.MetricsMaxEvents)
            events.Add(item);
        else
            droppedEvents++;
    }
}
