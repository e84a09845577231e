using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;

namespace LoadLab.Core.Simulation;

/// <summary>
/// The AWS SDK for .NET v4 client's retries on virtual time, for the suite's <c>sdk:</c> section: standard mode
/// (attempts, exponential backoff with full jitter, the retry quota) and adaptive mode (standard plus the client-side
/// rate limiter). One instance per simulated client; driven only by the moments and the <see cref="Random"/> it is
/// given, so a seed replays it exactly. Not thread-safe: the virtual engine calls it from one thread. docs/simulate.md.
/// </summary>
public sealed class SdkRetryPolicy : IRetryPolicy
{
    private readonly ClientRateLimiter? limiter;
    private RetryQuota quota = new();
    private bool lastRetryAfterThrottle = true;

    /// <param name="plan">The suite's <c>sdk:</c> section; null values take LoadLab's defaults (standard, <see cref="SdkPlan.DefaultMaxAttempts"/>).</param>
    /// <exception cref="ArgumentException">A retry mode or attempt count the suite loader would have refused.</exception>
    public SdkRetryPolicy(SdkPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Mode = plan.RetryMode ?? SdkPlan.Standard;
        if (!SdkPlan.RetryModes.Contains(Mode))
            throw new ArgumentException($"Unknown retry mode '{Mode}'. Allowed: {string.Join(", ", SdkPlan.RetryModes)}.", nameof(plan));
        MaxAttempts = plan.MaxAttempts ?? SdkPlan.DefaultMaxAttempts;
        if (MaxAttempts is < 1 or > SdkPlan.MaxMaxAttempts)
            throw new ArgumentException($"MaxAttempts must be between 1 and {SdkPlan.MaxMaxAttempts} (1 turns retries off); got {MaxAttempts}.", nameof(plan));
        if (Mode == SdkPlan.Adaptive)
            limiter = new ClientRateLimiter();
    }

    /// <summary><see cref="SdkPlan.Standard"/> or <see cref="SdkPlan.Adaptive"/>.</summary>
    public string Mode { get; }

    /// <summary>HTTP attempts per call, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>Tokens left in the retry quota (<see cref="SdkRetryRules.InitialRetryTokens"/> when full).</summary>
    public int QuotaAvailable => quota.Available;

    /// <summary>Adaptive mode once throttled: the sends per second the client allows itself; null otherwise.</summary>
    public double? SendRate => limiter is { Enabled: true } ? limiter.FillRate : null;

    /// <summary>
    /// Adaptive mode: the wait for a send token, which this call takes. Call it once per attempt, first and retries alike
    /// (the SDK takes the token before a retry's backoff: adding this to <see cref="RetryDelay"/> at the retry's
    /// decision is closest). Zero in standard mode and before the first throttle.
    /// </summary>
    public TimeSpan SendDelay(TimeSpan now) =>
        limiter is null ? TimeSpan.Zero : TimeSpan.FromSeconds(limiter.AcquireDelay(now.TotalSeconds));

    /// <summary>
    /// An attempt's answer reached the client at <paramref name="now"/>. Without the attempt before it (see the other
    /// overload) a success after retries gives back what this client's latest retry took.
    /// </summary>
    public void Observe(TimeSpan now, in SimulatedAttempt answer, int attempt) =>
        Observe(now, answer, attempt, lastRetryAfterThrottle);

    /// <summary>As <see cref="Observe(TimeSpan, in SimulatedAttempt, int)"/>, knowing what the call's previous attempt came to (exact refunds).</summary>
    public void Observe(TimeSpan now, in SimulatedAttempt answer, int attempt, OutcomeKind previous) =>
        Observe(now, answer, attempt, previous == OutcomeKind.Throttled);

    private void Observe(TimeSpan now, in SimulatedAttempt answer, int attempt, bool retriedAfterThrottle)
    {
        // Only a success refunds (the SDK's NotifySuccess); every answer, errors included, moves the adaptive rate.
        if (answer.Kind == OutcomeKind.Ok)
            quota.Release(attempt, retriedAfterThrottle);
        limiter?.Update(now.TotalSeconds, answer.Kind == OutcomeKind.Throttled);
    }

    /// <inheritdoc />
    public TimeSpan? RetryDelay(int failedAttempt, in SimulatedAttempt answer, Random random)
    {
        // The SDK's order: attempts left, then a retryable error, then the quota; the jitter is drawn only for a retry.
        if (failedAttempt >= MaxAttempts || !answer.Retryable || answer.Kind == OutcomeKind.Ok)
            return null;
        var throttle = answer.Kind == OutcomeKind.Throttled;
        if (!quota.TryAcquire(throttle))
            return null;
        lastRetryAfterThrottle = throttle;
        return Backoff(failedAttempt, throttle, random.NextDouble());
    }

    /// <summary>The pause after failed attempt <paramref name="failedAttempt"/> for a jitter draw <paramref name="jitter"/> in [0, 1).</summary>
    public static TimeSpan Backoff(int failedAttempt, bool afterThrottle, double jitter) =>
        TimeSpan.FromMilliseconds(Math.Round(jitter * BackoffCap(failedAttempt, afterThrottle).TotalMilliseconds, MidpointRounding.ToEven));

    /// <summary>The most the pause after failed attempt <paramref name="failedAttempt"/> can be: min(base × 2^(n-1), 20 s).</summary>
    public static TimeSpan BackoffCap(int failedAttempt, bool afterThrottle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var baseDelay = afterThrottle ? SdkRetryRules.ThrottlingBaseDelay : SdkRetryRules.TransientBaseDelay;
        var cap = baseDelay.TotalMilliseconds * Math.Pow(2, failedAttempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(cap, SdkRetryRules.MaxBackoff.TotalMilliseconds));
    }
}
