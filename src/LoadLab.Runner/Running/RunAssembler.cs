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
        public SimulatorSection? Simulator { get; init; }
        public IReadOnlyList<TableReport> Tables { get; init; } = [];
    }

    public static RunResult Assemble(Parts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var plan = parts.Plan;
        var engine = parts.Engine;
        var run = parts.Run;
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
                // A budget abort also stops the engine early, but it is a verdict (exit 1), not an interruption (130).
                Interrupted = parts.Interrupted || engine is null || (engine.Interrupted && parts.Abort is null),
                Machine = MachineInfo.Current(),
                Target = parts.Target,
                AccountId = run.Safety.ShowAccount ? run.AccountId : null,
                Shard = run.Shard is { } shard ? ShardPlanner.Describe(plan, shard) : null,
            },
            Scenarios = engine?.Scenarios ?? [],
            Seeding = parts.Seeding,
            Findings = engine is null ? [] : [.. Findings.From(engine.Scenarios), .. AbortFinding(parts.Abort)],
            Simulator = parts.Simulator,
            Tables = parts.Tables,
        };
        result = result with { Budgets = BudgetEvaluator.Evaluate(result, plan.Budgets, parts.Abort) };
        return result with { Cost = Core.Cost.RunCostCalculator.Estimate(result, [.. plan.Tables.Select(Core.Cost.TableCapacity.From)], run.Prices) };
    }

    /// <summary>Interrupted beats a broken budget, which beats success.</summary>
    public static RunVerdict VerdictOf(RunResult result) =>
        result.Run.Interrupted ? RunVerdict.Interrupted : result.BudgetsPassed ? RunVerdict.Passed : RunVerdict.BudgetFailed;

    private static IEnumerable<string> AbortFinding(BudgetAbort? abort)
    {
        if (abort is not null)
            yield return Formatting.Invariant($"The run was stopped at {abort.AtSeconds:0.#} s because budget {abort.Budget} stayed broken for longer than its abortAfter grace; the results cover the part that ran.");
    }
}
