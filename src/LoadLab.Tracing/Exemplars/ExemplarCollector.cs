using LoadLab.Core.Outcomes;
using LoadLab.Core.Results;
using LoadLab.Tracing.Ids;

namespace LoadLab.Tracing.Exemplars;

/// <summary>
/// Keeps, per scenario and operation, the few traced operations worth opening: the slowest, the slowest throttled
/// and the slowest failed. Only kept operations are offered (tens per second), so a lock is cheap enough; an offer
/// that would not make any list allocates nothing, and strings are made only when the result is assembled.
/// </summary>
public sealed class ExemplarCollector(string region, int perKind = 3)
{
    public const string Slowest = "slowest";
    public const string ThrottledKind = "throttled";
    public const string FailedKind = "failed";

    private readonly Dictionary<(string Scenario, string Operation), Slots> slots = [];
    private readonly Lock gate = new();

    public void Offer(string scenario, string operation, XRayTraceId traceId, double latencyMs, in OperationOutcome outcome)
    {
        bool throttled = outcome.Kind == OutcomeKind.Throttled || outcome.ThrottledAttempts > 0;
        bool failed = outcome.Kind.IsError();
        lock (gate)
        {
            if (!slots.TryGetValue((scenario, operation), out var s))
                slots[(scenario, operation)] = s = new Slots(perKind);
            if (!s.Slowest.Admits(latencyMs) && !(throttled && s.Throttled.Admits(latencyMs)) && !(failed && s.Failed.Admits(latencyMs)))
                return;
            var candidate = new Candidate(traceId, latencyMs, outcome.Kind, outcome.Reason);
            s.Slowest.Offer(candidate);
            if (throttled)
                s.Throttled.Offer(candidate);
            if (failed)
                s.Failed.Offer(candidate);
        }
    }

    /// <summary>The exemplars of one operation, slowest first within each kind; empty when none was traced.</summary>
    public IReadOnlyList<TraceExemplar> For(string scenario, string operation)
    {
        lock (gate)
        {
            if (!slots.TryGetValue((scenario, operation), out var s))
                return [];
            return [.. s.Slowest.Exemplars(Slowest, region), .. s.Throttled.Exemplars(ThrottledKind, region), .. s.Failed.Exemplars(FailedKind, region)];
        }
    }

    private sealed record Candidate(XRayTraceId TraceId, double LatencyMs, OutcomeKind Outcome, string? Reason);

    private sealed class Slots(int perKind)
    {
        public TopN Slowest { get; } = new(perKind);

        public TopN Throttled { get; } = new(perKind);

        public TopN Failed { get; } = new(perKind);
    }

    /// <summary>The N slowest candidates; ties keep the earlier one.</summary>
    private sealed class TopN(int capacity)
    {
        private readonly List<Candidate> items = new(capacity + 1);

        public bool Admits(double latencyMs) => items.Count < capacity || latencyMs > items[^1].LatencyMs;

        public void Offer(Candidate candidate)
        {
            if (!Admits(candidate.LatencyMs))
                return;
            int at = items.FindIndex(c => candidate.LatencyMs > c.LatencyMs);
            items.Insert(at < 0 ? items.Count : at, candidate);
            if (items.Count > capacity)
                items.RemoveAt(items.Count - 1);
        }

        public IEnumerable<TraceExemplar> Exemplars(string kind, string region) => items.Select(c =>
        {
            string id = c.TraceId.ToString();
            return new TraceExemplar(id, kind, Math.Round(c.LatencyMs, 3), c.Outcome.JsonName(), c.Reason, ConsoleUrls.ForTrace(region, id));
        });
    }
}
