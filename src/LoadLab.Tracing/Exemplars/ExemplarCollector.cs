using LoadLab.Core.Outcomes;
using LoadLab.Core.Results;

namespace LoadLab.Tracing.Exemplars;

/// <summary>
/// Keeps, per scenario and operation, the few traced operations worth opening: the slowest, the slowest throttled
/// and the slowest failed. Only kept operations are offered (tens per second), so a lock is cheap enough.
/// </summary>
public sealed class ExemplarCollector(string region, int perKind = 3)
{
    public const string Slowest = "slowest";
    public const string ThrottledKind = "throttled";
    public const string FailedKind = "failed";

    private readonly Dictionary<(string Scenario, string Operation), Slots> slots = [];
    private readonly Lock gate = new();

    public void Offer(string scenario, string operation, string traceId, double latencyMs, in OperationOutcome outcome)
    {
        var candidate = new Candidate(traceId, latencyMs, outcome.Kind.JsonName(), outcome.Reason);
        lock (gate)
        {
            if (!slots.TryGetValue((scenario, operation), out var s))
                slots[(scenario, operation)] = s = new Slots(perKind);
            s.Slowest.Offer(candidate);
            if (outcome.Kind == OutcomeKind.Throttled || outcome.ThrottledAttempts > 0)
                s.Throttled.Offer(candidate);
            if (outcome.Kind.IsError())
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

    private sealed record Candidate(string TraceId, double LatencyMs, string Outcome, string? Reason);

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

        public void Offer(Candidate candidate)
        {
            if (items.Count == capacity && candidate.LatencyMs <= items[^1].LatencyMs)
                return;
            int at = items.FindIndex(c => candidate.LatencyMs > c.LatencyMs);
            items.Insert(at < 0 ? items.Count : at, candidate);
            if (items.Count > capacity)
                items.RemoveAt(items.Count - 1);
        }

        public IEnumerable<TraceExemplar> Exemplars(string kind, string region) =>
            items.Select(c => new TraceExemplar(c.TraceId, kind, Math.Round(c.LatencyMs, 3), c.Outcome, c.Reason, ConsoleUrls.ForTrace(region, c.TraceId)));
    }
}
