using LoadLab.Core.Plans;

namespace LoadLab.Runner.Safety;

/// <summary>The guards that need nothing but the plan, run before any target is started or touched.</summary>
internal static class PlanGuards
{
    /// <summary>loadlab run: prod rules, every table name against the prefix, and --max-cost.</summary>
    public static CostEstimate CheckRun(RunPlan plan, SafetyOptions safety)
    {
        ProdGuard.CheckRun(plan, safety);
        CheckPrefix(plan, "run");
        // On prod nothing is seeded, so seeding costs nothing there.
        var estimate = CostEstimator.Estimate(plan, includeSeeding: !ProdGuard.IsProd(plan));
        CostGuard.Check(estimate, safety.MaxCostDollars);
        return estimate;
    }

    /// <summary>loadlab seed and loadlab teardown: never on prod; every table name against the prefix.</summary>
    public static void CheckChange(RunPlan plan, string action)
    {
        ProdGuard.CheckChange(plan, action);
        CheckPrefix(plan, action);
    }

    private static void CheckPrefix(RunPlan plan, string action) =>
        PrefixGuard.Check(plan.Tables.Select(t => t.Name), plan.EffectiveEnvironment().TablePrefix, plan.Environment, action);
}
