using LoadLab.Core.Plans;
using LoadLab.Runner.Planning;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Variants;

namespace LoadLab.Runner.Running;

/// <summary>
/// Runs a suite: resolves it once (<see cref="RunResolver"/>), then carries out its variants one after the other,
/// each through the ordinary single run on its own tables and into its own sub-folder, then writes the comparison
/// next to them. A suite without variants is one ordinary run. Ctrl+C during a variant stops there: what ran is compared.
/// <paramref name="single"/> carries out one variant: a real run by default, a simulation for <c>loadlab simulate</c>.
/// </summary>
internal sealed class VariantRunner(RunServices services, Func<ResolvedRun, ResolvedVariant, CancellationToken, Task<RunOutcome>>? single = null)
{
    private readonly Func<ResolvedRun, ResolvedVariant, CancellationToken, Task<RunOutcome>> runOne = single ?? new RunOrchestrator(services).RunAsync;

    public async Task<SuiteOutcome> RunAsync(RunOptions options, CancellationToken stop)
    {
        var resolved = RunResolver.Resolve(options, services.Time.GetUtcNow(), services.EnvironmentVariables);
        RunResolver.CheckRun(resolved);
        if (options.Safety.MaxCostDollars is { } limit)
            services.Reporter.Info(Formatting.Invariant($"Planned on-demand cost ${resolved.PlannedCost.TotalDollars:0.####} for the whole run (--max-cost ${limit:0.####})"));
        var plan = resolved.Suite;
        if (plan.Environment != EnvironmentNames.Local && options.Endpoint is null && plan.DataSets.Count > 0 && !Safety.ProdGuard.IsProd(plan))
            services.Reporter.Warn($"Environment {plan.Environment}: tables will be created and seeded in AWS with the SDK's default credentials (or the environment's profile).");
        // Environment settings (SSM) and the account check come before any target is started or touched.
        resolved = await RunResolver.ResolveTargetAsync(resolved, options, services.Safety, stop).ConfigureAwait(false);
        if (plan.Environment != EnvironmentNames.Local)
            services.Reporter.Info(resolved.RequireTarget().Describe(resolved.Safety.ShowAccount));
        return await RunAsync(resolved, stop).ConfigureAwait(false);
    }

    public async Task<SuiteOutcome> RunAsync(ResolvedRun run, CancellationToken stop)
    {
        if (run.Suite.Variants.Count == 0)
        {
            var only = await runOne(run, run.Runs[0], stop).ConfigureAwait(false);
            return new SuiteOutcome([new VariantOutcome(null, only)], null, only.Verdict);
        }

        var outcomes = new List<VariantOutcome>();
        bool interrupted = false;
        bool targetFailed = false;
        for (int i = 0; i < run.Runs.Count && !interrupted && !targetFailed; i++)
        {
            var variant = run.Runs[i].Variant!;
            services.Reporter.Info(Formatting.Invariant($"Variant {i + 1}/{run.Runs.Count}: {variant.Name}") +
                (variant.Changes.Count == 0 ? " (the suite as written)" : " (" + string.Join("; ", variant.Changes) + ")"));
            try
            {
                var outcome = await runOne(run, run.Runs[i], stop).ConfigureAwait(false);
                outcomes.Add(new VariantOutcome(variant, outcome));
                interrupted = outcome.Result.Run.Interrupted;
                // The run has failed already; the next variant's figures would not be comparable anyway.
                targetFailed = outcome.Verdict == RunVerdict.TargetFailed;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped while the target was starting: nothing of this variant ran, the earlier ones stand.
                interrupted = true;
            }
        }

        if ((interrupted || targetFailed) && outcomes.Count < run.Runs.Count)
            services.Reporter.Warn(Formatting.Invariant($"{(targetFailed ? "The target failed" : "Interrupted")}: {outcomes.Count} of {run.Runs.Count} variants ran; comparing those."));
        string? comparison = null;
        if (outcomes.Count > 0)
        {
            var runs = outcomes.Select(o => new VariantRun(o.Variant!.Name, o.Outcome.Result) { Changes = o.Variant.Changes }).ToList();
            var written = await ComparisonWriter.WriteAsync(runs, run.Suite.SuiteName, run.OutDirectory, CancellationToken.None).ConfigureAwait(false);
            comparison = written[0];
        }

        return new SuiteOutcome(outcomes, comparison, WorstVerdict(outcomes, interrupted));
    }

    /// <summary>Interrupted beats a broken budget, which beats success; budgets are checked per variant.</summary>
    internal static RunVerdict WorstVerdict(IReadOnlyList<VariantOutcome> outcomes, bool interrupted)
    {
        var worst = interrupted ? RunVerdict.Interrupted : RunVerdict.Passed;
        foreach (var outcome in outcomes)
            worst = (RunVerdict)Math.Max((int)worst, (int)outcome.Outcome.Verdict);
        return worst;
    }
}

/// <summary>One run of a suite: its variant (null without variants) and what the single run returned.</summary>
internal sealed record VariantOutcome(VariantPlan? Variant, RunOutcome Outcome);

/// <summary>Every run of a suite, the comparison file when there were variants, and the verdict over all of them.</summary>
internal sealed record SuiteOutcome(IReadOnlyList<VariantOutcome> Runs, string? ComparisonPath, RunVerdict Verdict);
