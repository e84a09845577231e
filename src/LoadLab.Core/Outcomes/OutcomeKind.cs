namespace LoadLab.Core.Outcomes;

/// <summary>How one logical operation ended. The order is the array index used by recorders.</summary>
public enum OutcomeKind
{
    Ok = 0,

    /// <summary>Throttled after the SDK's retries were exhausted (or with retries off).</summary>
    Throttled = 1,

    /// <summary>A condition expression was false: an expected business outcome, not a failure of the target.</summary>
    ConditionFailed = 2,

    /// <summary>Any other 4xx: validation, missing table, access denied, …</summary>
    ClientError = 3,

    /// <summary>5xx from the target.</summary>
    ServerError = 4,

    /// <summary>No answer within the client's timeout.</summary>
    Timeout = 5,

    /// <summary>The connection failed or broke (target down, reset).</summary>
    NetworkError = 6,
}

public static class OutcomeKinds
{
    public const int Count = 7;

    public static readonly IReadOnlyList<OutcomeKind> All = Enum.GetValues<OutcomeKind>();

    /// <summary>Kinds that count as errors in error rates (throttles are reported on their own).</summary>
    public static bool IsError(this OutcomeKind kind) => kind is not (OutcomeKind.Ok or OutcomeKind.Throttled or OutcomeKind.ConditionFailed);

    /// <summary>camelCase name used in results.json.</summary>
    public static string JsonName(this OutcomeKind kind) => kind switch
    {
        OutcomeKind.Ok => "ok",
        OutcomeKind.Throttled => "throttled",
        OutcomeKind.ConditionFailed => "conditionFailed",
        OutcomeKind.ClientError => "clientError",
        OutcomeKind.ServerError => "serverError",
        OutcomeKind.Timeout => "timeout",
        OutcomeKind.NetworkError => "networkError",
        _ => kind.ToString(),
    };
}
