using System.Collections.Concurrent;
using LoadLab.Core.Outcomes;

namespace LoadLab.Core.Recording;

/// <summary>
/// Statistics of one operation of one scenario. Outcome counts come from the histograms' totals
/// (every completed operation records exactly one corrected latency), so the hot path writes two
/// histograms and touches shared counters only for the rarer facts: retries, capacity, throttles.
/// </summary>
/// <param name="singleWriter">True when one thread records and closes intervals (the virtual engine), see <see cref="LatencyScale.NewRecorder"/>.</param>
internal sealed class OperationRecorder(string name, bool singleWriter = false)
{
    private readonly LatencyChannel?[] corrected = new LatencyChannel?[OutcomeKinds.Count];
    private readonly LatencyChannel?[] service = new LatencyChannel?[OutcomeKinds.Count];
    private long extraAttempts;
    private long throttledAttempts;
    private long readMilliUnits;
    private long writeMilliUnits;
    private long dropped;
    private long cancelled;
    private long itemsReturned;
    private long itemsScanned;
    private long pages;
    private long unprocessedRetries;
    private long unprocessedItems;
    private long injectedAttempts;
    private long injectedFailures;

    public string Name { get; } = name;

    public ConcurrentDictionary<string, long> ThrottleReasons { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> ErrorCodes { get; } = new(StringComparer.Ordinal);

    public long ExtraAttempts => Volatile.Read(ref extraAttempts);

    public long ThrottledAttempts => Volatile.Read(ref throttledAttempts);

    public double ReadUnits => Volatile.Read(ref readMilliUnits) / 1000.0;

    public double WriteUnits => Volatile.Read(ref writeMilliUnits) / 1000.0;

    public long Dropped => Volatile.Read(ref dropped);

    public long Cancelled => Volatile.Read(ref cancelled);

    public long ItemsReturned => Volatile.Read(ref itemsReturned);

    public long ItemsScanned => Volatile.Read(ref itemsScanned);

    public long Pages => Volatile.Read(ref pages);

    public long UnprocessedRetries => Volatile.Read(ref unprocessedRetries);

    public long UnprocessedItems => Volatile.Read(ref unprocessedItems);

    /// <summary>Throttled attempts plus unprocessed batch items so far: the throttle events of <see cref="Results.OperationResult.ThrottleEvents"/>.</summary>
    public long ThrottleEvents => ThrottledAttempts + UnprocessedItems;
    public long InjectedAttempts => Volatile.Read(ref injectedAttempts);

    public long InjectedFailures => Volatile.Read(ref injectedFailures);

    public void Record(in OperationOutcome outcome, long correctedMicros, long serviceMicros)
    {
        int kind = (int)outcome.Kind;
        Channel(corrected, kind, singleWriter).Record(correctedMicros);
        Channel(service, kind, singleWriter).Record(serviceMicros);
        if (outcome.Attempts > 1) Interlocked.Add(ref extraAttempts, outcome.Attempts - 1);
        if (outcome.ThrottledAttempts > 0) Interlocked.Add(ref throttledAttempts, outcome.ThrottledAttempts);
        if (outcome.ReadUnits > 0) Interlocked.Add(ref readMilliUnits, (long)Math.Round(outcome.ReadUnits * 1000));
        if (outcome.WriteUnits > 0) Interlocked.Add(ref writeMilliUnits, (long)Math.Round(outcome.WriteUnits * 1000));
        // One test for get and put, which never carry item counts.
        if (outcome.HasItemCounts) RecordItems(outcome);
        // Only a rehearsal with simulator.faults sets these.
        if (outcome.InjectedAttempts > 0) Interlocked.Add(ref injectedAttempts, outcome.InjectedAttempts);
        if (outcome.Injected) Interlocked.Increment(ref injectedFailures);
        if (outcome.Kind == OutcomeKind.Throttled)
            ThrottleReasons.AddOrUpdate(outcome.Reason ?? "Unknown", 1, (_, n) => n + 1);
        else if (outcome.Kind != OutcomeKind.Ok && outcome.Reason is not null)
            ErrorCodes.AddOrUpdate(outcome.Reason, 1, (_, n) => n + 1);
    }

    private void RecordItems(in OperationOutcome outcome)
    {
        if (outcome.ItemsReturned > 0) Interlocked.Add(ref itemsReturned, outcome.ItemsReturned);
        if (outcome.ItemsScanned > 0) Interlocked.Add(ref itemsScanned, outcome.ItemsScanned);
        if (outcome.Pages > 0) Interlocked.Add(ref pages, outcome.Pages);
        if (outcome.UnprocessedRetries > 0) Interlocked.Add(ref unprocessedRetries, outcome.UnprocessedRetries);
        if (outcome.UnprocessedItems > 0) Interlocked.Add(ref unprocessedItems, outcome.UnprocessedItems);
    }

    public void RecordDropped() => Interlocked.Increment(ref dropped);

    public void RecordCancelled() => Interlocked.Increment(ref cancelled);

    /// <summary>Closes the interval on every channel that exists.</summary>
    public void CloseInterval()
    {
        for (int i = 0; i < OutcomeKinds.Count; i++)
        {
            Volatile.Read(ref corrected[i])?.CloseInterval();
            Volatile.Read(ref service[i])?.CloseInterval();
        }
    }

    public LatencyChannel? Corrected(OutcomeKind kind) => Volatile.Read(ref corrected[(int)kind]);

    /// <summary>Operations that ended as errors (OutcomeKinds.IsError: condition failures and throttles are not errors), up to the last closed interval.</summary>
    public long Errors()
    {
        long errors = 0;
        foreach (var kind in OutcomeKinds.All)
        {
            if (kind.IsError() && Corrected(kind) is { } channel)
                errors += channel.Cumulative.TotalCount;
        }

        return errors;
    }

    public LatencyChannel? Service(OutcomeKind kind) => Volatile.Read(ref service[(int)kind]);

    // Channels for rare outcomes are created on first use: a histogram pair costs ~200 KB.
    private static LatencyChannel Channel(LatencyChannel?[] channels, int kind, bool singleWriter)
    {
        var channel = Volatile.Read(ref channels[kind]);
        if (channel is not null) return channel;
        Interlocked.CompareExchange(ref channels[kind], new LatencyChannel(singleWriter), null);
        return channels[kind]!;
    }
}
