using LoadLab.Core.Plans;
using LoadLab.Core.Results;

namespace LoadLab.Runner.Running;

/// <summary>Plain-language notes on things a reader of the numbers must know (the analysers issue extends this).</summary>
internal static class Findings
{
    public static IReadOnlyList<string> From(IEnumerable<ScenarioResult> scenarios)
    {
        var notes = new List<string>();
        foreach (var s in scenarios)
        {
            if (s.Dropped > 0)
                notes.Add(Formatting.Invariant($"{s.Name}: {s.Dropped} of {s.Scheduled} arrivals were dropped because {s.MaxInFlight} operations were already in flight; the target rate was not reached."));
            if (s.Cancelled > 0)
                notes.Add(Formatting.Invariant($"{s.Name}: {s.Cancelled} operations did not finish within the drain timeout and were cancelled."));
            if (s.TargetOperations > 0 && s.StartLateness.P99Ms > 10)
                notes.Add(Formatting.Invariant($"{s.Name}: operations started late (p99 {s.StartLateness.P99Ms:0.0} ms after their intended time): the load generator or the in-flight bound ({s.MaxInFlight}) held them back; corrected latencies include that wait."));
            foreach (var op in s.Operations.Where(o => o.ThrottleEvents > 0))
            {
                // Unprocessed batch items are DynamoDB's throttles inside a batch: counted with the throttled attempts.
                string batch = op.UnprocessedItems is > 0 ? Formatting.Invariant($", {op.UnprocessedItems} batch items returned unprocessed") : "";
                notes.Add(Formatting.Invariant($"{s.Name}/{op.Name}: {op.ThrottleEvents} throttle events ({op.ThrottledAttempts} attempts throttled{batch}); {op.Count("throttled")} operations failed after retries."));
            }
        }

        return notes;
    }

    /// <summary>
    /// What the simulator injected (simulator.faults) and what got past the SDK's retries: said plainly, so nobody
    /// mistakes a rehearsed failure for one of the target.
    /// </summary>
    public static IEnumerable<string> Injected(SimulatorSection? simulator, IEnumerable<ScenarioResult> scenarios)
    {
        if (simulator?.Faults is not { } faults)
            yield break;
        string counts = string.Join(", ", faults.Injected.Select(f => Formatting.Invariant($"{f.Value} {f.Key}")));
        yield return Formatting.Invariant($"The simulator injected faults into {faults.Requests} requests of the load ({counts}; simulator.faults): a rehearsal, not failures of the target.");
        foreach (var s in scenarios)
        {
            foreach (var op in s.Operations.Where(o => o.InjectedAttempts > 0))
            {
                long failed = op.InjectedFailures ?? 0;
                yield return Formatting.Invariant(
                    $"{s.Name}/{op.Name}: {op.InjectedAttempts} attempts got an injected fault; {(failed == 0 ? "the SDK's retries recovered from every one" : $"{failed} operations still failed with one after the SDK's retries (counted under their outcome too)")}.");
            }
        }
    }
}
