using System.Collections.Concurrent;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Metrics;

/// <summary>
/// Attempt accounting (docs/capacity-model.md §20): counts every attempt before admission and its outcome after, and follows SDK
/// calls by invocation id in a bounded table so retries per call and time to the last attempt can be read.
/// </summary>
internal sealed class RequestStatistics(TimeProvider time, int trackedCalls = 10_000, int recentCalls = 100)
{
    private readonly ConcurrentDictionary<string, OperationCounters> operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallRecord> calls = new(StringComparer.Ordinal);
    private readonly Queue<string> callOrder = new();
    private readonly Dictionary<int, long> callsByAttempts = [];
    private readonly Lock gate = new();
    private long attempts;
    private long logicalCalls;
    private long retryAttempts;
    private long throttled;
    private long partial;
    private long rejected;

    public AttemptTicket Begin(string operation, AttemptHeaders headers)
    {
        Interlocked.Increment(ref attempts);
        operations.GetOrAdd(operation, static _ => new OperationCounters()).Attempt();
        if (headers.Attempt is > 1)
            Interlocked.Increment(ref retryAttempts);
        if (headers.InvocationId is not { } id)
        {
            Interlocked.Increment(ref logicalCalls);
            return new AttemptTicket(operation, null);
        }

        var now = time.GetUtcNow();
        lock (gate)
        {
            if (!calls.TryGetValue(id, out var call))
            {
                logicalCalls++;
                call = new CallRecord(id, operation, now);
                calls[id] = call;
                callOrder.Enqueue(id);
                while (callOrder.Count > trackedCalls)
                    calls.Remove(callOrder.Dequeue());
            }
            else
            {
                Bump(call.Attempts, -1);
            }

            call.Attempts++;
            Bump(call.Attempts, +1);
            call.MaxAttempts = headers.MaxAttempts ?? call.MaxAttempts;
            call.LastAttemptAt = now;
        }

        return new AttemptTicket(operation, id);
    }

    public void End(AttemptTicket ticket, AttemptOutcome outcome)
    {
        var counters = operations.GetOrAdd(ticket.Operation, static _ => new OperationCounters());
        switch (outcome)
        {
            case AttemptOutcome.Throttled:
                Interlocked.Increment(ref throttled);
                counters.Throttled();
                break;
            case AttemptOutcome.PartiallyThrottled:
                Interlocked.Increment(ref partial);
                counters.Partial();
                break;
            case AttemptOutcome.Rejected:
                Interlocked.Increment(ref rejected);
                break;
        }

        if (ticket.InvocationId is null)
            return;
        lock (gate)
        {
            if (!calls.TryGetValue(ticket.InvocationId, out var call))
                return;
            if (outcome == AttemptOutcome.Throttled)
                call.ThrottledAttempts++;
            call.LastOutcome = outcome;
        }
    }

    public ProxyRequestStatistics Snapshot()
    {
        lock (gate)
        {
            return new ProxyRequestStatistics
            {
                Attempts = Interlocked.Read(ref attempts),
                LogicalCalls = Interlocked.Read(ref logicalCalls),
                RetryAttempts = Interlocked.Read(ref retryAttempts),
                ThrottledAttempts = Interlocked.Read(ref throttled),
                PartiallyThrottledAttempts = Interlocked.Read(ref partial),
                RejectedAttempts = Interlocked.Read(ref rejected),
                Operations = operations.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value.Snapshot(), StringComparer.Ordinal),
                CallsByAttempts = callsByAttempts.Where(p => p.Value > 0).OrderBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value),
                RecentCalls = callOrder.Skip(Math.Max(0, callOrder.Count - recentCalls)).Select(id => calls[id].Snapshot()).ToList(),
            };
        }
    }

    private void Bump(int attemptsOfCall, int delta)
    {
        callsByAttempts.TryGetValue(attemptsOfCall, out long count);
        callsByAttempts[attemptsOfCall] = count + delta;
    }

    private sealed class CallRecord(string id, string operation, DateTimeOffset firstAttemptAt)
    {
        private readonly DateTimeOffset first = firstAttemptAt;

        public int Attempts { get; set; }

        public int ThrottledAttempts { get; set; }

        public int? MaxAttempts { get; set; }

        public AttemptOutcome? LastOutcome { get; set; }

        public DateTimeOffset LastAttemptAt { get; set; } = firstAttemptAt;

        public CallStatistics Snapshot() => new(
            id, operation, Attempts, ThrottledAttempts, MaxAttempts, OutcomeName(LastOutcome), first, LastAttemptAt);

        private static string OutcomeName(AttemptOutcome? outcome) => outcome switch
        {
            null => "in-flight",
            AttemptOutcome.Throttled => "throttled",
            AttemptOutcome.PartiallyThrottled => "partially-throttled",
            AttemptOutcome.Rejected => "rejected",
            _ => "served",
        };
    }

    private sealed class OperationCounters
    {
        private long attempts;
        private long throttled;
        private long partial;

        public void Attempt() => Interlocked.Increment(ref attempts);

        public void Throttled() => Interlocked.Increment(ref throttled);

        public void Partial() => Interlocked.Increment(ref partial);

        public OperationStatistics Snapshot() => new(Interlocked.Read(ref attempts), Interlocked.Read(ref throttled), Interlocked.Read(ref partial));
    }
}

/// <summary>Handed from <see cref="RequestStatistics.Begin"/> to <see cref="RequestStatistics.End"/>.</summary>
internal readonly record struct AttemptTicket(string Operation, string? InvocationId);
