using LoadLab.Capacity.Model.Settings;

namespace LoadLab.Capacity.Proxy;

/// <summary>
/// How throttles are written on the wire (docs/capacity-model.md §17). The defaults are what DynamoDB sends
/// today; the switches reproduce older or variant behaviour for SDK compatibility checks.
/// </summary>
public sealed record ThrottleEmissionOptions
{
    /// <summary>Emit <c>"__type":"ProvisionedThroughputExceededException"</c> (as in the aws-sdk-net#3996 sample) instead of the full shape id.</summary>
    public bool ShortType { get; init; }

    /// <summary>Leave out ThrottlingReasons (DynamoDB before 2025-08-15).</summary>
    public bool OmitReasons { get; init; }

    /// <summary>Leave out the nested <c>"__type":"ThrottlingReason"</c> that AWSSDK.DynamoDBv2 below 4.0.1.9 mishandles.</summary>
    public bool OmitNestedType { get; init; }

    /// <summary>When set, send <c>x-amz-retry-after</c> (milliseconds) with every throttle; DynamoDB sends none today.</summary>
    public int? RetryAfterMs { get; init; }

    /// <summary>
    /// How a refused transaction is answered (docs/capacity-model.md §17): a top-level throttling exception (which the SDKs retry) or
    /// TransactionCanceledException with "ThrottlingError" on the refused actions. Null takes the model's
    /// <see cref="Model.CapacitySettings.TransactionThrottleStyle"/> (top-level by default).
    /// </summary>
    public TransactionThrottleStyle? TransactionStyle { get; init; }
}
