using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;

namespace LoadLab.UnitTests.Core.Simulation;

/// <summary>Adaptive mode's client-side rate limiter on virtual time: off until throttled, cut by β, grown back along CUBIC.</summary>
public sealed class AdaptiveRetryTests
{
    private static readonly SimulatedAttempt Throttle = new(OutcomeKind.Throttled, Retryable: true);
    private static readonly SimulatedAttempt Ok = new(OutcomeKind.Ok, Retryable: false, ReadUnits: 0.5);

    /// <summary>
    /// A client on virtual time: each attempt waits for its send token, DynamoDB decides at the send whether it is
    /// throttled, and the answer comes 5 ms later; the policy hears the answers in time order, as the virtual engine tells it.
    /// </summary>
    private sealed class Client(SdkRetryPolicy policy)
    {
        private readonly PriorityQueue<bool, TimeSpan> answers = new();

        /// <summary>Sends <paramref name="rate"/> attempts a second from <paramref name="from"/> to <paramref name="to"/>; returns each one's wait.</summary>
        public List<TimeSpan> Send(double from, double to, double rate, Func<TimeSpan, bool> throttled)
        {
            var delays = new List<TimeSpan>();
            for (var i = 0; from + i / rate < to - 1e-9; i++)
            {
                var now = TimeSpan.FromSeconds(from + i / rate);
                AnswerUntil(now);
                var delay = policy.SendDelay(now);
                delays.Add(delay);
                answers.Enqueue(throttled(now + delay), now + delay + TimeSpan.FromMilliseconds(5));
            }

            return delays;
        }

        public void AnswerUntil(TimeSpan moment)
        {
            while (answers.TryPeek(out var throttle, out var answered) && answered <= moment)
            {
                answers.Dequeue();
                policy.Observe(answered, throttle ? Throttle : Ok, attempt: 1);
            }
        }
    }

    [Fact]
    public void Until_the_first_throttle_nothing_is_held()
    {
        var policy = new SdkRetryPolicy(new SdkPlan(RetryMode: SdkPlan.Adaptive));

        var delays = new Client(policy).Send(0, 10, rate: 200, _ => false);

        Assert.All(delays, d => Assert.Equal(TimeSpan.Zero, d));
        Assert.Null(policy.SendRate);
    }

    [Fact]
    public void Throttles_cut_the_send_rate_so_sustained_sending_waits_longer_and_longer()
    {
        var policy = new SdkRetryPolicy(new SdkPlan(RetryMode: SdkPlan.Adaptive));
        var client = new Client(policy);
        client.Send(0, 5, rate: 100, _ => false);

        // Throttled for half a second: the client cuts its rate below the 100/s it wants.
        client.Send(5, 5.5, rate: 100, _ => true);
        client.AnswerUntil(TimeSpan.FromSeconds(5.5));
        Assert.NotNull(policy.SendRate);
        Assert.True(policy.SendRate < 100 * SdkRetryRules.Beta, $"rate after throttles: {policy.SendRate}");

        // Still wanting 100/s for 0.2 s more (and not throttled): the queue behind the bucket grows.
        var delays = client.Send(5.5, 5.7, rate: 100, _ => false);
        Assert.True(delays[^1] > delays[0], $"first wait {delays[0]}, last {delays[^1]}");
        Assert.True(delays[^1] > TimeSpan.FromMilliseconds(50), $"last wait {delays[^1]}");
    }

    [Fact]
    public void Successes_bring_the_rate_back_along_the_cubic_curve()
    {
        var policy = new SdkRetryPolicy(new SdkPlan(RetryMode: SdkPlan.Adaptive));
        var client = new Client(policy);
        client.Send(0, 5, rate: 100, _ => false);
        client.Send(5, 5.05, rate: 100, _ => true);
        client.AnswerUntil(TimeSpan.FromSeconds(5.05));
        var cut = policy.SendRate!.Value;

        // A client that asks for 50/s, more than the cut rate: held at first, until its successes grow the rate back.
        // (The answers' rate caps the growth at twice itself, and answers of held sends come late: recovery takes ~20 s.)
        var delays = client.Send(5.05, 40, rate: 50, _ => false);

        Assert.True(cut < 80, $"cut rate {cut}");
        Assert.True(policy.SendRate > cut, $"rate {policy.SendRate} after successes, {cut} after the throttle");
        Assert.True(delays[100] > TimeSpan.Zero, "two seconds after the throttle the client still holds sends");
        Assert.All(delays.TakeLast(5 * 50), d => Assert.Equal(TimeSpan.Zero, d)); // the last 5 s: recovered
        // Never above twice the measured rate of answers (50/s here).
        Assert.InRange(policy.SendRate!.Value, cut, 2 * 50 * 1.05);
    }

    [Fact]
    public void A_throttle_sets_the_rate_to_beta_times_the_measured_rate()
    {
        var limiter = new ClientRateLimiter();
        for (var i = 1; i <= 200; i++)
            limiter.Update(i * 0.01, throttled: false); // 100 answers a second for 2 s
        var measured = limiter.MeasuredRate;
        Assert.InRange(measured, 95, 105);

        limiter.Update(2.001, throttled: true); // same half-second bucket: the measured rate stays as it was

        Assert.True(limiter.Enabled);
        Assert.Equal(measured, limiter.MeasuredRate);
        Assert.Equal(SdkRetryRules.Beta * measured, limiter.FillRate, 9);
    }

    [Fact]
    public void After_the_time_window_the_rate_is_back_where_the_throttle_found_it()
    {
        var limiter = new ClientRateLimiter();
        for (var i = 1; i <= 200; i++)
            limiter.Update(i * 0.01, throttled: false);
        limiter.Update(2.001, throttled: true);
        var lastMax = limiter.FillRate / SdkRetryRules.Beta;

        // K = cbrt(lastMax (1 − β) / C): the cubic's inflection, where it reaches lastMax again.
        var window = Math.Cbrt(lastMax * (1 - SdkRetryRules.Beta) / SdkRetryRules.ScaleConstant);
        var t = 2.001;
        while (t + 0.01 < 2.001 + window)
        {
            t += 0.01;
            limiter.Update(t, throttled: false); // keeps the measured rate near 100/s
        }

        limiter.Update(2.001 + window, throttled: false);
        Assert.Equal(lastMax, limiter.FillRate, 6);
    }

    [Fact]
    public void The_rate_never_falls_below_the_minimum_fill_rate()
    {
        var limiter = new ClientRateLimiter();
        for (var i = 1; i <= 400; i++)
            limiter.Update(i * 0.05, throttled: true); // 20 throttles a second for 20 s

        Assert.Equal(SdkRetryRules.MinFillRate, limiter.FillRate);
        Assert.Equal(0.0, limiter.AcquireDelay(20.0 + 2)); // a full bucket holds one token
        Assert.Equal(1 / SdkRetryRules.MinFillRate, limiter.AcquireDelay(20.0 + 2), 9);
        Assert.Equal(2 / SdkRetryRules.MinFillRate, limiter.AcquireDelay(20.0 + 2), 9); // queued behind the one before
    }

    [Fact]
    public void The_constants_are_the_sdks()
    {
        Assert.Equal(0.5, SdkRetryRules.MinFillRate);
        Assert.Equal(1.0, SdkRetryRules.MinCapacity);
        Assert.Equal(0.7, SdkRetryRules.Beta);
        Assert.Equal(0.4, SdkRetryRules.ScaleConstant);
        Assert.Equal(0.8, SdkRetryRules.Smoothing);
        Assert.Equal(0.5, SdkRetryRules.RateBucketSeconds);
        Assert.Equal((500, 14, 5, 1), (SdkRetryRules.InitialRetryTokens, SdkRetryRules.RetryCost, SdkRetryRules.ThrottlingRetryCost, SdkRetryRules.NoRetryIncrement));
        Assert.Equal((1_000.0, 25.0, 20_000.0), (SdkRetryRules.ThrottlingBaseDelay.TotalMilliseconds, SdkRetryRules.TransientBaseDelay.TotalMilliseconds, SdkRetryRules.MaxBackoff.TotalMilliseconds));
    }

    [Fact]
    public void Adaptive_mode_keeps_standard_modes_retries_and_quota()
    {
        var policy = new SdkRetryPolicy(new SdkPlan(RetryMode: SdkPlan.Adaptive, MaxAttempts: 2));
        var random = new Random(5);

        Assert.NotNull(policy.RetryDelay(1, Throttle, random));
        Assert.Null(policy.RetryDelay(2, Throttle, random));
        Assert.Equal(SdkRetryRules.InitialRetryTokens - SdkRetryRules.ThrottlingRetryCost, policy.QuotaAvailable);
    }

    [Fact]
    public void A_seed_and_the_same_moments_replay_the_same_waits()
    {
        static List<TimeSpan> Play()
        {
            var policy = new SdkRetryPolicy(new SdkPlan(RetryMode: SdkPlan.Adaptive));
            return new Client(policy).Send(0, 8, rate: 150, t => t.TotalSeconds is > 2 and < 3 || t.TotalSeconds is > 5 and < 5.2);
        }

        Assert.Equal(Play(), Play());
    }
}
