using LoadLab.Core.Plans;

namespace LoadLab.Runner.Safety;

/// <summary>The guards that need nothing but the plan, run before any target is started or touched.</summary>
internal static class PlanGuards
{
    /// <summary>
    /// loadlab run, for one plan (the suite or one variant): prod rules and every table name against the prefix.
    /// --max-cost is checked over every plan of the run together (<see cref="Planning.RunResolver.CheckRun"/>).
    /// </summary>
    public static void CheckRun(RunPlan plan, SafetyOptions safety)
    {
        ProdGuard.CheckRun(plan, safety);
        CheckPrefix(plan, "run");
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
