using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// Operations of a scenario the target cannot carry out, found before any request: <c>plan</c> and <c>run</c> show
/// the warnings up front, and the executor records those operations as <see cref="NotSupportedReason"/> client
/// errors without sending them, so a run never crashes on them and the report says why.
/// </summary>
public static class TargetSupport
{
    /// <summary>The reason recorded for operations the target does not implement.</summary>
    public const string NotSupportedReason = "NotSupportedByTarget";

    public static bool Supports(OperationKind operation, TargetCapabilities target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Transactions || !OperationKinds.IsTransaction(operation);
    }

    /// <summary>One message per operation of the mix that <paramref name="target"/> does not support; empty when all are.</summary>
    public static IReadOnlyList<string> Warnings(ScenarioPlan scenario, TargetCapabilities target)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(target);
        return [.. scenario.Mix
            .Where(m => !Supports(m.Kind, target))
            .Select(m => $"Scenario '{scenario.Name}': {m.Operation} is not supported by {target.Name}, which has no transaction API; "
                + $"its operations are recorded as clientError '{NotSupportedReason}' without a request. "
                + "Run against DynamoDB Local or AWS (--endpoint, --env) to measure transactions.")];
    }
}
