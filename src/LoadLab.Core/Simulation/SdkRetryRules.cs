namespace LoadLab.Core.Simulation;

/// <summary>
/// The numbers of the AWS SDK for .NET's retry modes as the pinned AWSSDK.Core 4.1.0 uses them for a DynamoDB client
/// (its <c>StandardRetryPolicy</c>, <c>CapacityManager</c> and <c>TokenBucket</c>). 4.1.0 applies the 2026 retry
/// defaults without the <c>AWS_NEW_RETRIES_2026</c> opt-in that 4.0.x needed. Sources and what changed: docs/simulate.md §2.
/// </summary>
public static class SdkRetryRules
{
    // Backoff: delay = U[0,1) × min(base × 2^(retry-1), MaxBackoff), rounded to whole milliseconds.

    /// <summary>Upper bound of any one backoff, before jitter.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(20);

    /// <summary>Backoff base after a throttling error (ProvisionedThroughputExceeded, ThrottlingException, 429…).</summary>
    public static readonly TimeSpan ThrottlingBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>Backoff base after a transient error (5xx, timeout, broken connection) for DynamoDB (50 ms for other services).</summary>
    public static readonly TimeSpan TransientBaseDelay = TimeSpan.FromMilliseconds(25);

    // Retry quota: one bucket of tokens (per endpoint in the SDK, per simulated client here).

    /// <summary>Tokens in a full retry quota (also its maximum).</summary>
    public const int InitialRetryTokens = 500;

    /// <summary>Tokens a retry after a transient error takes (timeouts included: 4.1.0 never charges its separate timeout cost).</summary>
    public const int RetryCost = 14;

    /// <summary>Tokens a retry after a throttling error takes.</summary>
    public const int ThrottlingRetryCost = 5;

    /// <summary>Tokens a call that succeeds at its first attempt gives back; a call that succeeds after retries gives back what its last retry took.</summary>
    public const int NoRetryIncrement = 1;

    // Adaptive mode: the client-side rate limiter (a token bucket whose fill rate follows CUBIC).

    /// <summary>Lowest fill rate of the send bucket, in sends per second.</summary>
    public const double MinFillRate = 0.5;

    /// <summary>Lowest capacity of the send bucket, in sends.</summary>
    public const double MinCapacity = 1;

    /// <summary>CUBIC's multiplicative decrease: a throttle sets the rate to Beta × the rate in force.</summary>
    public const double Beta = 0.7;

    /// <summary>CUBIC's scale constant C (rate growth per second³ after the time window).</summary>
    public const double ScaleConstant = 0.4;

    /// <summary>Weight of the newest half-second in the measured send rate (exponential smoothing).</summary>
    public const double Smoothing = 0.8;

    /// <summary>Width of the buckets the measured send rate counts answers in, in seconds.</summary>
    public const double RateBucketSeconds = 0.5;
}
