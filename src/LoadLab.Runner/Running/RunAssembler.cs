using LoadLab.Core.Budgets;
using LoadLab.Core.Engine;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.Runner.Planning;

namespace LoadLab.Runner.Running;

/// <summary>
/// Builds a run's <see cref="RunResult"/> in one place from what the stages produced, then judges it (budgets) and
/// prices it with the run's one price table. Pure: no I/O, no clock of its own.
/// </summary>
internal static class RunAssembler
{
    /// <summary>What the stages of one run produced, for <see cref="Assemble"/>.</summary>
    internal sealed record Parts
    {
        public required ResolvedRun Run { get; init; }
        public required RunPlan Plan { get; init; }
        public required TargetInfo Target { get; init; }
        public required DateTimeOffset StartedAt { get; init; }
        public required DateTimeOffset EndedAt { get; init; }
        public IReadOnlyList<SeedSummary> Seeding { get; init; } = [];
        public EngineResult? Engine { get; init; }
        public bool Interrupted { get; init; }
        public BudgetAbort? Abort { get; init; }
        public TargetFailure? TargetFailure { get; init; }
        public SimulatorSection? Simulator { get; init; }
        public IReadOnlyList<TableReport> Tables { get; init; } = [];

        /// <summary>What happened to the local DynamoDB during the run (it stopped, restarted or not), one paragraph each.</summary>
        public IReadOnlyList<string> TargetIncidents { get; init; } = [];

        public ClientWarmupSummary? ClientWarmup { get; init; }
    }

    public static RunResult Assemble(Parts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var plan = parts.Plan;
        var engine = parts.Engine;
        var run = parts.Run;
        var failure = parts.TargetFailure is { } f && engine is not null ? f with { MostFrequentError = MostFrequentError(engine.Scenarios) } : parts.TargetFailure;
        var result = new RunResult
        {
            Run = new RunInfo
            {
                RunId = plan.RunId,
                Suite = plan.SuiteName,
                Variant = plan.Variant,
                SuiteFile = plan.SuitePath,
                Environment = plan.Environment,
                // What this process drew from: the suite's seed, offset for a shard (the shard section says which).
                Seed = plan.Seed,
                StartedAt = engine?.StartedAt ?? parts.StartedAt,
                EndedAt = engine?.EndedAt ?? parts.EndedAt,
                DurationSeconds = engine?.DurationSeconds ?? 0,
                DurationScale = plan.DurationScale,
                // A budget abort or a dead target also stops the engine early, but each is a verdict (exit 1, 3), not an interruption (130).
                Interrupted = parts.Interrupted || engine is null || (engine.Interrupted && parts.Abort is null && failure is null),
                Machine = MachineInfo.Current(),
                Target = parts.Target,
                AccountId = run.Safety.ShowAccount ? run.AccountId : null,
                Shard = run.Shard is { } shard ? ShardPlanner.Describe(plan, shard) : null,
                TargetFailure = failure,
            },
            Scenarios = engine?.Scenarios ?? [],
            Seeding = parts.Seeding,
            Findings = engine is null ? [.. parts.TargetIncidents] : [.. parts.TargetIncidents, .. TargetFinding(failure), .. Findings.From(engine.Scenarios), .. Findings.Injected(parts.Simulator, engine.Scenarios), .. AbortFinding(parts.Abort)],
            Simulator = parts.Simulator,
            Tables = parts.Tables,
            ClientWarmup = parts.ClientWarmup,
        };
        result = result with { Budgets = BudgetEvaluator.Evaluate(result, plan.Budgets, parts.Abort) };
        return result with { Cost = Core.Cost.RunCostCalculator.Estimate(result, [.. plan.Tables.Select(Core.Cost.TableCapacity.From)], run.Prices) };
    }

    /// <summary>A dead target beats an interruption, which beats a broken budget, which beats success.</summary>
    public static RunVerdict VerdictOf(RunResult result) =>
        result.Run.TargetFailure is not null ? RunVerdict.TargetFailed
        : result.Run.Interrupted ? RunVerdict.Interrupted
        : result.BudgetsPassed ? RunVerdict.Passed : RunVerdict.BudgetFailed;

    /// <summary>The finding of a run stopped because the target stopped answering: when, what, and for how long.</summary>
    internal static IEnumerable<string> TargetFinding(TargetFailure? failure)
    {
        if (failure is null)
            yield break;
        string what = failure.MostFrequentError is { } code ? $"; most frequent error: {code}" : "";
        yield return Formatting.Invariant(
            $"The target stopped answering {failure.SinceSeconds:0.#} s into the load: from then on every operation ended in a network error or a timeout ({failure.NetworkErrors} network errors, {failure.Timeouts} timeouts{what}) and none got an answer. After {failure.StoppedAtSeconds - failure.SinceSeconds:0.#} s (failOn.unreachableFor {Formatting.Duration(TimeSpan.FromSeconds(failure.ThresholdSeconds))}) LoadLab stopped the run at {failure.StoppedAtSeconds:0.#} s; the results cover the part that ran, and the run failed (exit 3).");
    }

    // The error code most operations failed with, over the whole run: after a target died it is what killed them.
    private static string? MostFrequentError(IReadOnlyList<ScenarioResult> scenarios) =>
        scenarios.SelectMany(s => s.Operations).SelectMany(o => o.ErrorCodes)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Count: g.Sum(c => c.Value)))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => c.Code).FirstOrDefault();

    private static IEnumerable<string> AbortFinding(BudgetAbort? abort)
    {
        if (abort is not null)
            yield return Formatting.Invariant($"The run was stopped at {abort.AtSeconds:0.#} s because budget {abort.Budget} stayed broken for longer than its abortAfter grace; the results cover the part that ran.");
    }
}
