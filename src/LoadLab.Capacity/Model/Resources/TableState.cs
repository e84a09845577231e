using LoadLab.Capacity.Model.AutoScaling;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.Capacity.Model.Time;

namespace LoadLab.Capacity.Model.Resources;

/// <summary>
/// One table and its GSIs behind one lock, with the table's clock: periodic work runs lazily, in
/// time order, whenever a call finds that whole seconds have passed. Callers hold <see cref="Gate"/>.
/// </summary>
internal sealed partial class TableState
{
    private const int MaxRetiredIndexes = 16;

    private readonly CapacitySettings settings;
    private readonly ModelClock clock;
    private readonly Dictionary<string, CapacityResource> indexes = new(StringComparer.Ordinal);
    private readonly List<CapacityResourceMetrics> retiredIndexes = [];
    private readonly ModeSwitchBudget switches;
    private TableCapacityDefinition definition;
    private long processed;
    private double lastNow;

    public TableState(CapacitySettings settings, ModelClock clock, TableCapacityDefinition definition, double now)
    {
        this.settings = settings;
        this.clock = clock;
        this.definition = definition;
        switches = new ModeSwitchBudget(settings);
        Table = new CapacityResource(settings, clock, definition.TableName, null, !definition.HasLocalIndexes, ResourceCapacity.Of(definition), now);
        foreach (var index in definition.GlobalIndexes)
            indexes[index.IndexName] = NewIndex(index, definition.Mode, now);
        processed = (long)Math.Floor(now);
        lastNow = now;
    }

    public object Gate { get; } = new();

    public string Name => definition.TableName;

    public CapacityResource Table { get; }

    /// <summary>The table, or the named GSI; null for an unknown index (its charges are not limited).</summary>
    public CapacityResource? Resolve(string? index)
    {
        if (index is null)
            return Table;
        return indexes.TryGetValue(index, out var resource) ? resource : null;
    }

    /// <summary>
    /// Brings the table to <paramref name="now"/>: closes every whole second passed (idle stretches
    /// in one step), with minute, hour and timed events at their boundaries. Returns the time to use
    /// for buckets — never earlier than a time already seen, should the clock step back.
    /// </summary>
    public double Advance(double now)
    {
        if (now < lastNow)
            now = lastNow;
        else
            lastNow = now;
        var target = (long)Math.Floor(now);
        while (processed < target)
        {
            if (IsQuiet())
            {
                // Nothing changes until the next minute boundary or timed event: close the gap at once.
                var next = Math.Min(target, Math.Min(((processed / 60) + 1) * 60, NextDueSecond()));
                if (next > processed + 1)
                {
                    var start = processed;
                    ForEach(r => r.CloseGap(start, (int)(next - start)));
                    processed = next;
                    Boundary(processed);
                    continue;
                }
            }

            ForEach(r => r.CloseSecond(processed));
            processed++;
            Boundary(processed);
        }

        return now;
    }

    public TableCapacityDefinition Describe() => definition with
    {
        Mode = Table.Mode,
        ReadUnits = Table.Provisioned(CapacityDimension.Read),
        WriteUnits = Table.Provisioned(CapacityDimension.Write),
        WarmReadUnitsPerSecond = Table.Capacity.WarmReadUnitsPerSecond,
        WarmWriteUnitsPerSecond = Table.Capacity.WarmWriteUnitsPerSecond,
        ReadScaling = Table.Capacity.ReadScaling,
        WriteScaling = Table.Capacity.WriteScaling,
        GlobalIndexes = definition.GlobalIndexes.Select(DescribeIndex).ToArray(),
    };

    /// <summary>Provisioned units of the table and its GSIs (0 when on demand), for the account quota.</summary>
    public (double Read, double Write) ProvisionedTotal()
    {
        if (Table.Mode != CapacityBillingMode.Provisioned)
            return (0, 0);
        double read = Table.Provisioned(CapacityDimension.Read), write = Table.Provisioned(CapacityDimension.Write);
        foreach (var index in indexes.Values)
        {
            read += index.Provisioned(CapacityDimension.Read);
            write += index.Provisioned(CapacityDimension.Write);
        }

        return (read, write);
    }

    public void RecordStoredBytes(long deltaBytes, double now) => Table.SetStoredBytes(Table.StoredBytes + deltaBytes, now);

    public void Snapshot(double now, bool deleted, List<CapacityResourceMetrics> into)
    {
        into.Add(Table.Snapshot(now, deleted));
        foreach (var index in indexes.Values.OrderBy(i => i.IndexName, StringComparer.Ordinal))
            into.Add(index.Snapshot(now, deleted));
        into.AddRange(retiredIndexes);
    }

    private IndexCapacityDefinition DescribeIndex(IndexCapacityDefinition index)
    {
        if (!indexes.TryGetValue(index.IndexName, out var resource))
            return index;
        return index with
        {
            ReadUnits = resource.Provisioned(CapacityDimension.Read),
            WriteUnits = resource.Provisioned(CapacityDimension.Write),
        };
    }

    private CapacityResource NewIndex(IndexCapacityDefinition index, CapacityBillingMode mode, double now) =>
        new(settings, clock, definition.TableName, index.IndexName, allowWithinKeySplits: true, ResourceCapacity.Of(index, mode), now);

    private void Boundary(long second)
    {
        if (second % 60 == 0)
            ForEach(r => r.CloseMinute(second));
        if (second % 3600 == 0)
            ForEach(r => r.CloseHour(second));
        ForEach(r => r.RunDue(second));
    }

    private bool IsQuiet()
    {
        if (!Table.IsQuiet)
            return false;
        foreach (var index in indexes.Values)
        {
            if (!index.IsQuiet)
                return false;
        }

        return true;
    }

    private long NextDueSecond()
    {
        var next = Table.NextDue;
        foreach (var index in indexes.Values)
            next = Math.Min(next, index.NextDue);
        return double.IsPositiveInfinity(next) ? long.MaxValue : (long)Math.Ceiling(next);
    }

    private void ForEach(Action<CapacityResource> action)
    {
        action(Table);
        foreach (var index in indexes.Values)
            action(index);
    }
}
