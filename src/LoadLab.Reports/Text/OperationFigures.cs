using LoadLab.Core.Outcomes;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Text;

/// <summary>Derived per-operation figures every report shows the same way.</summary>
public static class OperationFigures
{
    private static readonly string[] ErrorOutcomes = OutcomeKinds.All.Where(k => k.IsError()).Select(k => k.JsonName()).ToArray();

    /// <summary>Completed operations that failed (throttles and condition failures are reported on their own).</summary>
    public static long Errors(OperationResult operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return ErrorOutcomes.Sum(operation.Count);
    }

    /// <summary>HTTP attempts per completed call; 1 means no retries.</summary>
    public static double AttemptsPerCall(OperationResult operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return operation.Completed > 0 ? (double)operation.Attempts / operation.Completed : 0;
    }

    /// <summary>"scenario/op", the identity used in tags, class names and chart legends.</summary>
    public static string Key(ScenarioResult scenario, OperationResult operation)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(operation);
        return scenario.Name + "/" + operation.Name;
    }
}
