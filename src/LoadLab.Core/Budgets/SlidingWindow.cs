using HdrHistogram;
using LoadLab.Core.Recording;

namespace LoadLab.Core.Budgets;

/// <summary>
/// The slots of the last <c>length</c> seconds (or of everything, without a length), with their
/// sums kept up to date as slots enter and leave. Latencies are added to and subtracted from one
/// histogram, so every window's percentile is exact and costs one pass over the histogram, not a
/// merge of all its intervals.
/// </summary>
internal sealed class SlidingWindow(BudgetDefinition budget)
{
    // Interval boundaries are rounded to milliseconds in results; compare with room for that.
    private const double Epsilon = 1e-6;

    private readonly Queue<IntervalSlot> slots = new();
    private readonly double? length = budget.Window?.TotalSeconds;
    private readonly bool latency = budget.Metric is BudgetMetric.Percentile or BudgetMetric.Max;
    private LongHistogram? histogram;
    private long completed;
    private long throttled;
    private long errors;
    private double activeSeconds;
    private int missingHistograms;

    private double? firstStart;

    public double Start => slots.Count > 0 ? slots.Peek().Start : firstStart ?? 0;

    public double End { get; private set; }

    /// <summary>Adds the next slot and drops the ones that fall out of the window; the newest slot always stays.</summary>
    public void Push(IntervalSlot slot)
    {
        Apply(slot, +1);
        End = slot.End;
        firstStart ??= slot.Start;
        // Without a length nothing ever leaves, so the slots need not be kept (a long run has thousands).
        if (length is not { } w)
            return;
        slots.Enqueue(slot);
        while (slots.Count > 1 && slots.Peek().Start < slot.End - w - Epsilon)
            Apply(slots.Dequeue(), -1);
    }

    /// <summary>True when latencies completed in the window without a histogram to measure them.</summary>
    public bool LacksHistograms => latency && missingHistograms > 0;

    /// <summary>The budget's metric over the window, or null when the window has nothing to measure.</summary>
    public double? Value()
    {
        switch (budget.Metric)
        {
            case BudgetMetric.Percentile:
            case BudgetMetric.Max:
                if (histogram is null || histogram.TotalCount == 0)
                    return null;
                // The 100th percentile is the highest recorded bucket's top, exactly what LatencySummary's max reports.
                var percentile = budget.Metric == BudgetMetric.Max ? 100.0 : budget.Percentile;
                return LatencyScale.ToMilliseconds(histogram.GetValueAtPercentile(percentile));
            case BudgetMetric.Throughput:
                return activeSeconds <= Epsilon ? null : completed / activeSeconds;
            case BudgetMetric.ThrottleRate:
                // Multiplying first keeps exact ratios exact (1 of 200 is 0.5, not 0.49999…).
                return completed == 0 ? null : throttled * 100.0 / completed;
            default:
                return completed == 0 ? null : errors * 100.0 / completed;
        }
    }

    private void Apply(IntervalSlot slot, int sign)
    {
        completed += sign * slot.Completed;
        throttled += sign * slot.Throttled;
        errors += sign * slot.Errors;
        if (slot.Active)
            activeSeconds += sign * slot.Length;
        if (slot.MissingHistogram)
            missingHistograms += sign;
        if (!latency || slot.Latencies.Count == 0)
            return;
        histogram ??= LatencyScale.NewHistogram();
        foreach (var (micros, count) in slot.Latencies)
            histogram.RecordValueWithCount(LatencyScale.Clamp(micros), sign * count);
    }
}
