using LoadLab.Capacity.Model;

namespace LoadLab.Capacity.Proxy.Emission;

/// <summary>The three throttling exceptions, with the reasons member each carries (model casing).</summary>
internal enum ThrottleKind
{
    ProvisionedThroughputExceeded,
    Throttling,
    RequestLimitExceeded,
}

/// <summary>The table of docs/capacity-model.md §17: which exception a set of causes becomes, and its message.</summary>
internal static class ThrottleChoice
{
    /// <summary>
    /// Provisioned-mode limits (table or GSI bucket, key ranges) → ProvisionedThroughputExceededException;
    /// else the per-table account quota → RequestLimitExceeded; else (on-demand key range or maximum)
    /// ThrottlingException. When causes mix, that precedence decides, and every reason is still listed.
    /// </summary>
    public static ThrottleKind Choose(IReadOnlyList<ThrottleCause> causes)
    {
        if (causes.Any(c => c.Mode == CapacityBillingMode.Provisioned && c.Limit != ThrottleLimit.AccountLimit))
            return ThrottleKind.ProvisionedThroughputExceeded;
        if (causes.Any(c => c.Limit == ThrottleLimit.AccountLimit))
            return ThrottleKind.RequestLimitExceeded;
        return ThrottleKind.Throttling;
    }

    public static string TypeName(ThrottleKind kind) => kind switch
    {
        ThrottleKind.ProvisionedThroughputExceeded => "ProvisionedThroughputExceededException",
        ThrottleKind.RequestLimitExceeded => "RequestLimitExceeded",
        _ => "ThrottlingException",
    };

    /// <summary>ThrottlingException's member is <c>throttlingReasons</c> in the service model; the others use <c>ThrottlingReasons</c>.</summary>
    public static string ReasonsMember(ThrottleKind kind) => kind == ThrottleKind.Throttling ? "throttlingReasons" : "ThrottlingReasons";

    public static string Message(ThrottleKind kind, IReadOnlyList<ThrottleCause> causes) => kind switch
    {
        ThrottleKind.ProvisionedThroughputExceeded =>
            causes.Where(c => c.Mode == CapacityBillingMode.Provisioned).All(c => c.Index is not null) && causes.Count > 0
                ? ThrottleMessages.ProvisionedIndex
                : ThrottleMessages.ProvisionedTable,
        ThrottleKind.RequestLimitExceeded => ThrottleMessages.AccountLimit,
        _ => causes.Count > 0 && causes.All(c => c.Limit == ThrottleLimit.MaxOnDemand)
            ? ThrottleMessages.MaxOnDemand
            : ThrottleMessages.OnDemand,
    };
}
