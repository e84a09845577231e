using LoadLab.Core.Results;

namespace LoadLab.Core.Budgets;

/// <summary>
/// One statistics interval of the operations a budget covers, warm-up cut off: counts, whether load
/// was applied, and the corrected-latency histogram as sparse (value, count) pairs so windows can
/// add and remove it exactly.
/// </summary>
internal sealed class IntervalSlot
{
    private IntervalSlot(double start, double end)
    {
        Start = start;
        End = end;
    }

    public double Start { get; private set; }

    public double End { get; private set; }

    public double Length => End - Start;

    public long Completed { get; private set; }

    public long Throttled { get; private set; }

    public long Errors { get; private set; }

    /// <summary>Load was applied (arrivals targeted, operations started, dropped or completed); false in a pause.</summary>
    public bool Active { get; private set; }

    /// <summary>True when operations completed but the results carry no histogram for them.</summary>
    public bool MissingHistogram { get; private set; }

    /// <summary>Recorded latencies (µs, one value per histogram bucket) and their counts.</summary>
    public List<(long Micros, long Count)> Latencies { get; } = [];

    /// <summary>
    /// The slot of one scenario interval, or null when it lies wholly inside the warm-up (nothing
    /// there is measured, and its arrival counts would read as load without completions).
    /// </summary>
    /// <param name="okOnly">Latencies of ok operations only (a budget with <c>outcome: ok</c>).</param>
    public static IntervalSlot? From(double start, double length, ScenarioInterval? scenario, IEnumerable<OperationInterval> operations, double warmupSeconds, bool okOnly = false)
    {
        double end = start + length;
        if (end <= warmupSeconds + 1e-9)
            return null;
        var slot = new IntervalSlot(Math.Max(start, warmupSeconds), end);
        if (scenario is not null)
            slot.Active = scenario.TargetOps > 0 || scenario.Started > 0 || scenario.Dropped > 0 || scenario.Completed > 0;
        foreach (var op in operations)
            slot.AddOperation(op, okOnly);
        return slot;
    }

    /// <summary>Adds <paramref name="other"/> (another scenario's slot at the same time) into this one.</summary>
    public void Absorb(IntervalSlot other)
    {
        Start = Math.Min(Start, other.Start);
        End = Math.Max(End, other.End);
        Completed += other.Completed;
        Throttled += other.Throttled;
        Errors += other.Errors;
        Active |= other.Active;
        MissingHistogram |= other.MissingHistogram;
        Latencies.AddRange(other.Latencies);
    }

    private void AddOperation(OperationInterval op, bool okOnly)
    {
        Completed += op.Completed;
        Throttled += op.Throttled;
        Errors += op.Errors;
        Active |= op.Completed > 0;
        if ((okOnly ? op.Ok : op.Completed) == 0)
            return;
        var histogram = okOnly ? op.OkLatencyEncoded() : op.Histogram;
        if (histogram is null)
        {
            MissingHistogram = true;
            return;
        }
        Latencies.AddRange(SparseHistogram.Read(histogram));
    }
}
