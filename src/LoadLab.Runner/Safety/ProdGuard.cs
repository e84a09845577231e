using LoadLab.Core.Errors;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Safety;

/// <summary>
/// Production: refused without --allow-prod; with it, only read operations run — no seeding, writes, table creation
/// or teardown (docs/architecture.md §6).
/// </summary>
internal static class ProdGuard
{
    public const string Environment = EnvironmentNames.Prod;

    /// <summary>The operations that never change data.</summary>
    public static IReadOnlyList<string> ReadOperations { get; } = [.. Enum.GetValues<OperationKind>().Where(OperationKinds.IsRead).Select(OperationKinds.Name), "statement (SELECT)"];

    public static bool IsProd(RunPlan plan) => plan.Environment == Environment;

    /// <summary>Checks a run; a non-prod plan always passes.</summary>
    /// <exception cref="InvalidInputException">Exit 2: prod without --allow-prod, or a scenario that writes.</exception>
    public static void CheckRun(RunPlan plan, SafetyOptions safety)
    {
        if (!IsProd(plan))
            return;
        if (!safety.AllowProd)
            throw new InvalidInputException("Refusing to run against prod without --allow-prod. LoadLab load-tests staging (--env staging, tables stg_…); with --allow-prod only read operations run on prod.");
        var writes = plan.Scenarios
            .SelectMany(s => s.Mix.Where(m => !m.IsRead).Select(m => $"{s.Name}: {m.Operation}"))
            .ToList();
        if (writes.Count > 0)
        {
            throw new InvalidInputException($"Refusing to run on prod: only read operations ({string.Join(", ", ReadOperations)}) run there, and the suite writes ({string.Join("; ", writes)}). Remove the writes or run on staging.");
        }

        if (safety.Teardown)
            throw new InvalidInputException("Refusing --teardown on prod: LoadLab never deletes production tables.");
    }

    /// <summary>Seeding and teardown change data: never on prod, --allow-prod or not.</summary>
    /// <exception cref="InvalidInputException">Exit 2 on prod.</exception>
    public static void CheckChange(RunPlan plan, string action)
    {
        if (IsProd(plan))
            throw new InvalidInputException($"Refusing to {action} on prod: LoadLab never writes to, creates or deletes production tables (--allow-prod allows read-only runs only).");
    }
}
