using HdrHistogram;
using LoadLab.Core.Engine;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Results;

namespace LoadLab.Core.Recording;

/// <summary>
/// All statistics of one scenario: per-operation recorders, start lateness, warm-up and scheduling
/// counters, and the bounded per-interval series the sampler appends to.
/// </summary>
internal sealed class ScenarioRecorder
{
    /// <summary>Two hours at one point per second before the series starts merging neighbours.</summary>
    internal const int SeriesCapacity = 7200;

    private readonly BoundedSeries<ScenarioInterval> series = new(SeriesCapacity, SeriesMerge.Merge);
    private readonly BoundedSeries<OperationInterval>[] operationSeries;
    private readonly LongHistogram scratch = LatencyScale.NewHistogram();
    private readonly LongHistogram scratchService = LatencyScale.NewHistogram();
    private readonly long[] lastThrottleEvents;
    private readonly LongHistogram all = LatencyScale.NewHistogram();
    private long started;
    private long dropped;
    private long warmupScheduled;
    private long warmupCompleted;
    private long cancelled;
    private int inFlight;
    private long lastStarted;
    private long lastDropped;
    private long answered;
    private long networkErrors;
    private long timeouts;
    private IntervalReach lastReach;
    private readonly (double Read, double Write)[] lastUnits;

    /// <param name="singleWriter">True when one thread records and closes intervals (the virtual engine): cheaper histograms, see <see cref="LatencyScale.NewRecorder"/>.</param>
    public ScenarioRecorder(IReadOnlyList<string> operationNames, bool singleWriter = false)
    {
        ArgumentNullException.ThrowIfNull(operationNames);
        Lateness = new LatencyChannel(singleWriter);
        Operations = operationNames.Select(n => new OperationRecorder(n, singleWriter)).ToArray();
        operationSeries = operationNames.Select(_ => new BoundedSeries<OperationInterval>(SeriesCapacity, SeriesMerge.Merge)).ToArray();
        lastThrottleEvents = new long[operationNames.Count];
        lastUnits = new (double, double)[operationNames.Count];
    }

    public OperationRecorder[] Operations { get; }

    public LatencyChannel Lateness { get; }

    public long Started => Volatile.Read(ref started);

    public long Dropped => Volatile.Read(ref dropped);

    public long Cancelled => Volatile.Read(ref cancelled);

    public long WarmupScheduled => Volatile.Read(ref warmupScheduled);

    public long WarmupCompleted => Volatile.Read(ref warmupCompleted);

    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>The latest interval closed, for the live view.</summary>
    public IntervalSnapshot? LastInterval { get; private set; }

    public void OnStarted(bool warmup)
    {
        Interlocked.Increment(ref inFlight);
        if (warmup) Interlocked.Increment(ref warmupScheduled);
        else Interlocked.Increment(ref started);
    }

    /// <summary>Counts whether the target answered an operation (warm-up included), for <see cref="IntervalSnapshot.Reach"/>.</summary>
    public void OnOutcome(OutcomeKind kind)
    {
        if (kind == OutcomeKind.NetworkError) Interlocked.Increment(ref networkErrors);
        else if (kind == OutcomeKind.Timeout) Interlocked.Increment(ref timeouts);
        else Interlocked.Increment(ref answered);
    }

    public void OnFinished(bool warmup)
    {
        Interlocked.Decrement(ref inFlight);
        if (warmup) Interlocked.Increment(ref warmupCompleted);
    }

    public void OnDropped(int operation, bool warmup)
    {
        if (warmup)
        {
            Interlocked.Increment(ref warmupScheduled);
            return;
        }

        Interlocked.Increment(ref dropped);
        Operations[operation].RecordDropped();
    }

    public void OnCancelled(int operation, bool warmup)
    {
        if (warmup) return;
        Interlocked.Increment(ref cancelled);
        Operations[operation].RecordCancelled();
    }

    /// <summary>Operations still in flight when the run gave up on them count as cancelled.</summary>
    public void OnAbandoned(int count) => Interlocked.Add(ref cancelled, count);

    /// <summary>Closes the current interval on every channel and appends one point to each series.</summary>
    public void CloseInterval(double start, double length, string phase, double targetOps)
    {
        long completedTotal = 0;
        long throttledTotal = 0;
        long errorsTotal = 0;
        var operationPoints = new OperationInterval[Operations.Length];
        all.Reset();
        for (int i = 0; i < Operations.Length; i++)
        {
            var op = Operations[i];
            op.CloseInterval();
            scratch.Reset();
            scratchService.Reset();
            long ok = 0, throttled = 0, errors = 0;
            string? okHistogram = null;
            foreach (var kind in OutcomeKinds.All)
            {
                var c = op.Corrected(kind);
                if (c is null) continue;
                long n = c.LastInterval.TotalCount;
                scratch.Add(c.LastInterval);
                scratchService.Add(op.Service(kind)!.LastInterval);
                if (kind == OutcomeKind.Ok)
                {
                    ok += n;
                    // Kept only when other outcomes share the interval: otherwise the interval's histogram is the ok one.
                    if (n > 0) okHistogram = HistogramCodec.Encode(c.LastInterval);
                }
                else if (kind == OutcomeKind.Throttled) throttled += n;
                else if (kind.IsError()) errors += n;
            }

            long events = op.ThrottleEvents;
            (double read, double write) = (op.ReadUnits, op.WriteUnits); // read once: operations keep finishing meanwhile
            long newEvents = events - lastThrottleEvents[i];
            lastThrottleEvents[i] = events;
            var point = new OperationInterval(
                start, length, scratch.TotalCount, ok, throttled, errors,
                P(scratch, 50), P(scratch, 99), Max(scratch), P(scratchService, 50), P(scratchService, 99),
                scratch.TotalCount == 0 ? null : HistogramCodec.Encode(scratch),
                ok == scratch.TotalCount ? null : okHistogram,
                newEvents > 0 ? newEvents : null)
            {
                // Units are cumulative on the recorder: this interval's are the difference since the last close.
                ReadUnits = Math.Round(read - lastUnits[i].Read, 3),
                WriteUnits = Math.Round(write - lastUnits[i].Write, 3),
            };
            lastUnits[i] = (read, write);
            if (op.Corrected(OutcomeKind.Ok)?.LastInterval is { TotalCount: > 0 } okInterval)
                point = point with { OkP50Ms = P(okInterval, 50), OkP99Ms = P(okInterval, 99) };
            operationSeries[i].Add(point);
            operationPoints[i] = point;
            all.Add(scratch);
            completedTotal += scratch.TotalCount;
            throttledTotal += throttled;
            errorsTotal += errors;
        }

        Lateness.CloseInterval();
        long startedNow = Started;
        long droppedNow = Dropped;
        var scenarioPoint = new ScenarioInterval(
            start, length, phase, Math.Round(targetOps, 3),
            startedNow - lastStarted, completedTotal, droppedNow - lastDropped,
            P(Lateness.LastInterval, 99), InFlight);
        series.Add(scenarioPoint);
        lastStarted = startedNow;
        lastDropped = droppedNow;
        var reachNow = new IntervalReach(Volatile.Read(ref answered), Volatile.Read(ref networkErrors), Volatile.Read(ref timeouts));
        var reach = new IntervalReach(reachNow.Answered - lastReach.Answered, reachNow.NetworkErrors - lastReach.NetworkErrors, reachNow.Timeouts - lastReach.Timeouts);
        lastReach = reachNow;
        LastInterval = new IntervalSnapshot(scenarioPoint, P(all, 50), P(all, 99), throttledTotal, errorsTotal, operationPoints) { Reach = reach };
    }

    public IReadOnlyList<ScenarioInterval> Series() => series.Snapshot();

    public IReadOnlyList<OperationInterval> SeriesOf(int operation) => operationSeries[operation].Snapshot();

    private static double P(HistogramBase h, double percentile) =>
        h.TotalCount == 0 ? 0 : LatencyScale.ToMilliseconds(h.GetValueAtPercentile(percentile));

    private static double Max(HistogramBase h) => h.TotalCount == 0 ? 0 : LatencyScale.ToMilliseconds(h.GetMaxValue());
}

/// <summary>The latest closed interval of a scenario, with its latency over all operations.</summary>
/// <param name="Operations">The same interval per operation, in the recorder's operation order (before any coarsening of the series).</param>
public sealed record IntervalSnapshot(ScenarioInterval Interval, double P50Ms, double P99Ms, long Throttled, long Errors, IReadOnlyList<OperationInterval>? Operations = null)
{
    /// <summary>Whether the target answered the operations that ended in this interval, warm-up included.</summary>
    public IntervalReach Reach { get; init; }
}
