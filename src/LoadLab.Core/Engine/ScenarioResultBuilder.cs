using HdrHistogram;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.Core.Scheduling;

namespace LoadLab.Core.Engine;

/// <summary>Turns a finished scenario's recorders into its immutable result.</summary>
internal static class ScenarioResultBuilder
{
    /// <param name="stoppedAtSeconds">Seconds from the scenario's start at which its scheduling stopped.</param>
    public static ScenarioResult Build(ScenarioPlan plan, ScenarioRecorder recorder, ArrivalSchedule schedule, double stoppedAtSeconds, string tableName)
    {
        double warmup = Math.Min(plan.Warmup.TotalSeconds, stoppedAtSeconds);
        var operations = recorder.Operations.Select((op, i) => BuildOperation(op, recorder.SeriesOf(i))).ToArray();
        var scenario = new ScenarioResult
        {
            Name = plan.Name,
            Table = tableName,
            Phases = plan.Phases.Select(p => p.Describe()).ToArray(),
            MaxInFlight = plan.MaxInFlight,
            WhenFull = plan.WhenFull == SaturationPolicy.Drop ? "drop" : "queue",
            DurationSeconds = Math.Round(stoppedAtSeconds, 3),
            TargetOperations = Math.Round(schedule.ArrivalsBy(stoppedAtSeconds) - schedule.ArrivalsBy(warmup), 3),
            AchievedOpsPerSecond = 0,
            Scheduled = recorder.Started + recorder.Dropped,
            Dropped = recorder.Dropped,
            Cancelled = recorder.Cancelled,
            Warmup = new WarmupCounts(Math.Round(warmup, 3), recorder.WarmupScheduled, recorder.WarmupCompleted),
            StartLateness = LatencySummary.From(recorder.Lateness.Cumulative),
            Operations = operations,
            Series = recorder.Series(),
        };
        // One definition of ops/s for the scenario and each operation (Throughput), stored so results.json carries it.
        return scenario with
        {
            AchievedOpsPerSecond = Throughput.Achieved(scenario),
            Operations = [.. operations.Select(o => o with { AchievedOpsPerSecond = Throughput.Achieved(o, scenario) })],
        };
    }

    private static OperationResult BuildOperation(OperationRecorder op, IReadOnlyList<OperationInterval> series)
    {
        var corrected = LatencyScale.NewHistogram();
        var service = LatencyScale.NewHistogram();
        var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var byOutcome = new SortedDictionary<string, LatencySummary>(StringComparer.Ordinal);
        LatencySummary ok = LatencySummary.Empty;
        string? okHistogram = null;
        foreach (var kind in OutcomeKinds.All)
        {
            var channel = op.Corrected(kind);
            if (channel is null || channel.Cumulative.TotalCount == 0) continue;
            corrected.Add(channel.Cumulative);
            service.Add(op.Service(kind)!.Cumulative);
            outcomes[kind.JsonName()] = channel.Cumulative.TotalCount;
            byOutcome[kind.JsonName()] = LatencySummary.From(channel.Cumulative);
            if (kind == OutcomeKind.Ok)
            {
                ok = byOutcome[kind.JsonName()];
                okHistogram = HistogramCodec.Encode(channel.Cumulative);
            }
        }

        long completed = corrected.TotalCount;
        return new OperationResult
        {
            Name = op.Name,
            Scheduled = completed + op.Dropped + op.Cancelled,
            Completed = completed,
            Outcomes = outcomes,
            ThrottleReasons = new SortedDictionary<string, long>(op.ThrottleReasons, StringComparer.Ordinal),
            ErrorCodes = new SortedDictionary<string, long>(op.ErrorCodes, StringComparer.Ordinal),
            Dropped = op.Dropped,
            Cancelled = op.Cancelled,
            Latency = LatencySummary.From(corrected),
            ServiceTime = LatencySummary.From(service),
            OkLatency = ok,
            LatencyByOutcome = byOutcome,
            OkLatencyHistogram = okHistogram,
            Attempts = completed + op.ExtraAttempts,
            ThrottledAttempts = op.ThrottledAttempts,
            ReadUnits = Math.Round(op.ReadUnits, 3),
            WriteUnits = Math.Round(op.WriteUnits, 3),
            ItemsReturned = NullIfZero(op.ItemsReturned),
            ItemsScanned = NullIfZero(op.ItemsScanned),
            Pages = NullIfZero(op.Pages),
            UnprocessedRetries = NullIfZero(op.UnprocessedRetries),
            UnprocessedItems = NullIfZero(op.UnprocessedItems),
            InjectedAttempts = NullIfZero(op.InjectedAttempts),
            InjectedFailures = NullIfZero(op.InjectedFailures),
            LatencyHistogram = HistogramCodec.Encode(corrected),
            ServiceTimeHistogram = HistogramCodec.Encode(service),
            Series = series,
        };
    }

    // Left out of results.json for operations that do not have them (get, put, …).
    private static long? NullIfZero(long value) => value == 0 ? null : value;
}
