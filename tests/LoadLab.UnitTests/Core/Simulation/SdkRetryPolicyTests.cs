using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;

namespace LoadLab.UnitTests.Core.Simulation;

/// <summary>Standard mode as the AWS SDK for .NET 4.1 retries: attempts, full-jitter backoff, the retry quota; deterministic for a seed.</summary>
public sealed class SdkRetryPolicyTests
{
    private static readonly SimulatedAttempt Throttle = new(OutcomeKind.Throttled, Retryable: true, Reason: "TableWriteProvisionedThroughputExceeded");
    private static readonly SimulatedAttempt ServerError = new(OutcomeKind.ServerError, Retryable: true, Reason: "InternalServerError");
    private static readonly SimulatedAttempt Timeout = new(OutcomeKind.Timeout, Retryable: true);
    private static readonly SimulatedAttempt Ok = new(OutcomeKind.Ok, Retryable: false, WriteUnits: 1);

    [Fact]
    public void Defaults_are_standard_mode_with_the_one_default_of_attempts()
    {
        var policy = new SdkRetryPolicy(SdkPlan.Default);

        Assert.Equal(SdkPlan.Standard, policy.Mode);
        Assert.Equal(SdkPlan.DefaultMaxAttempts, policy.MaxAttempts);
        Assert.Equal(3, SdkPlan.DefaultMaxAttempts);
        Assert.Equal(SdkRetryRules.InitialRetryTokens, policy.QuotaAvailable);
        Assert.Null(policy.SendRate);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void Attempts_stop_at_max_attempts(int maxAttempts)
    {
        var policy = new SdkRetryPolicy(new SdkPlan(MaxAttempts: maxAttempts));
        var random = new Random(1);

        for (var failed = 1; failed < maxAttempts; failed++)
            Assert.NotNull(policy.RetryDelay(failed, Throttle, random));
        Assert.Null(policy.RetryDelay(maxAttempts, Throttle, random));
        Assert.Null(policy.RetryDelay(maxAttempts, ServerError, random));
    }

    [Fact]
    public void Caps_grow_from_the_sdk_bases_up_to_twenty_seconds()
    {
        Assert.Equal(
            [1_000, 2_000, 4_000, 8_000, 16_000, 20_000, 20_000],
            Enumerable.Range(1, 7).Select(n => SdkRetryPolicy.BackoffCap(n, afterThrottle: true).TotalMilliseconds));
        Assert.Equal(
            [25, 50, 100, 200, 400, 800, 1_600, 3_200, 6_400, 12_800, 20_000],
            Enumerable.Range(1, 11).Select(n => SdkRetryPolicy.BackoffCap(n, afterThrottle: false).TotalMilliseconds));
    }

    [Fact]
    public void Backoff_is_full_jitter_rounded_to_milliseconds()
    {
        Assert.Equal(TimeSpan.Zero, SdkRetryPolicy.Backoff(2, afterThrottle: true, jitter: 0));
        Assert.Equal(TimeSpan.FromMilliseconds(1_000), SdkRetryPolicy.Backoff(2, afterThrottle: true, jitter: 0.5));
        Assert.Equal(TimeSpan.FromMilliseconds(12), SdkRetryPolicy.Backoff(1, afterThrottle: false, jitter: 0.5)); // 12.5 to even
        Assert.Equal(TimeSpan.FromMilliseconds(20_000), SdkRetryPolicy.Backoff(9, afterThrottle: true, jitter: 0.9999999));
    }

    [Theory]
    [InlineData(OutcomeKind.Throttled)]
    [InlineData(OutcomeKind.ServerError)]
    public void Delays_lie_within_zero_and_the_cap_and_spread_over_it(OutcomeKind kind)
    {
        var answer = kind == OutcomeKind.Throttled ? Throttle : ServerError;
        var random = new Random(7);
        for (var failed = 1; failed <= 6; failed++)
        {
            var cap = SdkRetryPolicy.BackoffCap(failed, kind == OutcomeKind.Throttled);
            var delays = new List<TimeSpan>();
            for (var i = 0; i < 2_000; i++)
            {
                // A fresh client each time: the quota is not what this test is about.
                var delay = new SdkRetryPolicy(new SdkPlan(MaxAttempts: 10)).RetryDelay(failed, answer, random);
                Assert.NotNull(delay);
                delays.Add(delay.Value);
            }

            Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, cap));
            Assert.InRange(delays.Average(d => d.TotalMilliseconds) / cap.TotalMilliseconds, 0.45, 0.55);
            Assert.True(delays.Max() > cap * 0.99, $"attempt {failed}: the largest delay {delays.Max()} should come near the cap {cap}");
        }
    }

    [Theory]
    [InlineData(OutcomeKind.ConditionFailed)]
    [InlineData(OutcomeKind.ClientError)]
    [InlineData(OutcomeKind.Ok)]
    public void Answers_the_sdk_does_not_retry_give_null_and_take_nothing(OutcomeKind kind)
    {
        var policy = new SdkRetryPolicy(SdkPlan.Default);

        Assert.Null(policy.RetryDelay(1, new SimulatedAttempt(kind, Retryable: false), new Random(1)));
        Assert.Equal(SdkRetryRules.InitialRetryTokens, policy.QuotaAvailable);
    }

    [Fact]
    public void The_quota_pays_one_hundred_throttle_retries_then_stops_retrying()
    {
        var policy = new SdkRetryPolicy(SdkPlan.Default);
        var random = new Random(3);

        for (var i = 0; i < 100; i++)
            Assert.NotNull(policy.RetryDelay(1, Throttle, random));
        Assert.Equal(0, policy.QuotaAvailable);
        Assert.Null(policy.RetryDelay(1, Throttle, random));
        Assert.Null(policy.RetryDelay(1, ServerError, random));
    }

    [Fact]
    public void The_quota_pays_thirty_five_transient_retries_and_what_is_left_still_pays_throttles()
    {
        var policy = new SdkRetryPolicy(SdkPlan.Default);
        var random = new Random(3);

        for (var i = 0; i < 35; i++)
            Assert.NotNull(policy.RetryDelay(1, i % 2 == 0 ? ServerError : Timeout, random));
        Assert.Equal(10, policy.QuotaAvailable);
        Assert.Null(policy.RetryDelay(1, ServerError, random));
        Assert.Equal(10, policy.QuotaAvailable);
        Assert.NotNull(policy.RetryDelay(1, Throttle, random));
        Assert.NotNull(policy.RetryDelay(1, Throttle, random));
        Assert.Null(policy.RetryDelay(1, Throttle, random));
    }

    [Fact]
    public void Successes_refill_the_quota_by_what_the_last_retry_took_and_no_further_than_full()
    {
        var policy = new SdkRetryPolicy(SdkPlan.Default);
        var random = new Random(3);
        for (var i = 0; i < 100; i++)
            policy.RetryDelay(1, Throttle, random);
        Assert.Equal(0, policy.QuotaAvailable);

        policy.Observe(TimeSpan.FromSeconds(1), Ok, attempt: 1);
        Assert.Equal(1, policy.QuotaAvailable);
        policy.Observe(TimeSpan.FromSeconds(1), Ok, attempt: 2, previous: OutcomeKind.Throttled);
        Assert.Equal(6, policy.QuotaAvailable);
        policy.Observe(TimeSpan.FromSeconds(1), Ok, attempt: 3, previous: OutcomeKind.ServerError);
        Assert.Equal(20, policy.QuotaAvailable);

        // Errors refund nothing, even when they end a call (a condition failing is an error to the SDK).
        policy.Observe(TimeSpan.FromSeconds(1), new SimulatedAttempt(OutcomeKind.ConditionFailed, false), attempt: 1);
        policy.Observe(TimeSpan.FromSeconds(1), Throttle, attempt: 2, previous: OutcomeKind.Throttled);
        Assert.Equal(20, policy.QuotaAvailable);

        for (var i = 0; i < 1_000; i++)
            policy.Observe(TimeSpan.FromSeconds(2), Ok, attempt: 1);
        Assert.Equal(SdkRetryRules.InitialRetryTokens, policy.QuotaAvailable);
    }

    [Fact]
    public void Without_the_previous_attempt_a_success_after_retries_refunds_what_the_latest_retry_took()
    {
        var policy = new SdkRetryPolicy(SdkPlan.Default);
        var random = new Random(3);

        policy.RetryDelay(1, ServerError, random);
        policy.RetryDelay(1, ServerError, random);
        Assert.Equal(500 - 28, policy.QuotaAvailable);
        policy.Observe(TimeSpan.FromSeconds(1), Ok, attempt: 2);
        Assert.Equal(500 - 14, policy.QuotaAvailable);

        policy.RetryDelay(1, Throttle, random);
        policy.Observe(TimeSpan.FromSeconds(1), Ok, attempt: 2);
        Assert.Equal(500 - 14, policy.QuotaAvailable);
    }

    [Fact]
    public void A_seed_replays_the_same_delays()
    {
        static List<TimeSpan?> Play(int seed)
        {
            var policy = new SdkRetryPolicy(new SdkPlan(MaxAttempts: 4));
            var random = new Random(seed);
            var delays = new List<TimeSpan?>();
            for (var i = 0; i < 150; i++)
            {
                var failed = i % 3 + 1;
                delays.Add(policy.RetryDelay(failed, i % 5 == 0 ? ServerError : Throttle, random));
                if (i % 4 == 0)
                    policy.Observe(TimeSpan.FromMilliseconds(i), Ok, failed);
            }

            return delays;
        }

        Assert.Equal(Play(42), Play(42));
        Assert.NotEqual(Play(42), Play(43));
        Assert.Contains(null, Play(42)); // the quota ran out on the way
    }

    [Fact]
    public void Standard_mode_never_holds_a_send()
    {
        var policy = new SdkRetryPolicy(SdkPlan.Default);
        for (var i = 0; i < 100; i++)
        {
            var now = TimeSpan.FromMilliseconds(i);
            Assert.Equal(TimeSpan.Zero, policy.SendDelay(now));
            policy.Observe(now, Throttle, 1);
        }
    }

    [Theory]
    [InlineData("legacy", null, "Unknown retry mode 'legacy'. Allowed: standard, adaptive.")]
    [InlineData(null, 0, "MaxAttempts must be between 1 and 20 (1 turns retries off); got 0.")]
    [InlineData(null, 21, "MaxAttempts must be between 1 and 20 (1 turns retries off); got 21.")]
    public void Settings_the_suite_loader_refuses_are_refused(string? mode, int? maxAttempts, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new SdkRetryPolicy(new SdkPlan(RetryMode: mode, MaxAttempts: maxAttempts)));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
