using LoadLab.Core.Plans;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Variants;

namespace LoadLab.Runner.Running;

/// <summary>
/// Runs a suite's variants one after the other, each through the ordinary single run on its own
/// tables and into its own sub-folder, then writes the comparison next to them. A suite without
/// variants is one ordinary run. Ctrl+C during a variant stops there: what ran is compared.
/// </summary>
internal sealed class VariantRunner(RunOrchestrator orchestrator, IRunReporter reporter)
{
    public async Task<SuiteOutcome> RunAsync(RunOptions options, CancellationToken stop)
    {
        var plan = orchestrator.LoadPlan(options);
        if (plan.Variants.Count == 0)
        {
            var single = await orchestrator.RunAsync(options, plan, null, stop).ConfigureAwait(false);
            return new SuiteOutcome([new VariantOutcome(null, single)], null, single.Verdict);
        }

        string directory = options.OutDirectory ?? Path.Combine("reports", plan.RunId);
        var outcomes = new List<VariantOutcome>();
        bool interrupted = false;
        for (int i = 0; i < plan.Variants.Count && !interrupted; i++)
        {
            var variant = plan.Variants[i];
            reporter.Info(Formatting.Invariant($"Variant {i + 1}/{plan.Variants.Count}: {variant.Name}") +
                (variant.Changes.Count == 0 ? " (the suite as written)" : " (" + string.Join("; ", variant.Changes) + ")"));
            try
            {
                var outcome = await orchestrator.RunAsync(options, variant.Plan, Path.Combine(directory, variant.Name), stop).ConfigureAwait(false);
                outcomes.Add(new VariantOutcome(variant, outcome));
                interrupted = outcome.Result.Run.Interrupted;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped while the target was starting: nothing of this variant ran, the earlier ones stand.
                interrupted = true;
            }
        }

        if (interrupted && outcomes.Count < plan.Variants.Count)
            reporter.Warn(Formatting.Invariant($"Interrupted: {outcomes.Count} of {plan.Variants.Count} variants ran; comparing those."));
        string? comparison = null;
        if (outcomes.Count > 0)
        {
            var runs = outcomes.Select(o => new VariantRun(o.Variant!.Name, o.Outcome.Result) { Changes = o.Variant.Changes }).ToList();
            var written = await ComparisonWriter.WriteAsync(runs, plan.SuiteName, directory, CancellationToken.None).ConfigureAwait(false);
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
