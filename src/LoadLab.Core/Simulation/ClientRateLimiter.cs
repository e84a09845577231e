namespace LoadLab.Core.Simulation;

/// <summary>
/// Adaptive mode's client-side rate limiter, on virtual time: a token bucket (one token per attempt sent) whose fill
/// rate follows CUBIC. It stays off until the first throttle; a throttle cuts the rate to <see cref="SdkRetryRules.Beta"/>
/// × the rate in force, other answers let it grow back along a cubic curve, never above twice the measured rate of
/// answers. The rules and constants are the SDK's (<c>TokenBucket</c> of AWSSDK.Core 4.1.0); how an attempt waits for
/// a token is modelled: docs/simulate.md §3. Time is seconds since the run's start, only ever from the caller.
/// </summary>
internal sealed class ClientRateLimiter
{
    private double fillRate;          // tokens per second; 0 until the first rate update
    private double maxCapacity;
    private double capacity;
    private double lastRefill = double.NaN;  // moment the bucket was last filled (may lie ahead: reserved sends)
    private double measuredRate;      // smoothed answers per second
    private double lastRateBucket;    // start of the current half-second bucket
    private long answersInBucket;
    private double lastMaxRate;       // the rate in force at the last throttle
    private double lastThrottle;      // moment of the last throttle
    private double timeWindow;        // CUBIC's K: seconds after a throttle until the rate is back at lastMaxRate

    /// <summary>True once a throttle was seen: from then on every attempt takes a token.</summary>
    public bool Enabled { get; private set; }

    /// <summary>Sends per second the bucket allows (meaningful once <see cref="Enabled"/>).</summary>
    public double FillRate => fillRate;

    /// <summary>The smoothed rate of answers, per second.</summary>
    public double MeasuredRate => measuredRate;

    /// <summary>
    /// How long an attempt that wants to go at <paramref name="now"/> waits for its token, and takes it. Waiting attempts
    /// queue: each reserves the next token, so sends leave at the fill rate (the SDK's waiters contend instead).
    /// </summary>
    public double AcquireDelay(double now)
    {
        if (!Enabled)
            return 0;
        Refill(now);
        if (lastRefill <= now && capacity >= 1)
        {
            capacity -= 1;
            return 0;
        }

        // The token comes when the bucket holds one again; from then the bucket is empty and filling from that moment.
        var sendAt = Math.Max(lastRefill, now) + (1 - capacity) / fillRate;
        capacity = 0;
        lastRefill = sendAt;
        return sendAt - now;
    }

    /// <summary>An answer reached the client at <paramref name="now"/>: updates the measured rate and the fill rate.</summary>
    public void Update(double now, bool throttled)
    {
        UpdateMeasuredRate(now);
        double rate;
        if (throttled)
        {
            lastMaxRate = Enabled ? Math.Min(measuredRate, fillRate) : measuredRate;
            timeWindow = Math.Cbrt(lastMaxRate * (1 - SdkRetryRules.Beta) / SdkRetryRules.ScaleConstant);
            lastThrottle = now;
            rate = lastMaxRate * SdkRetryRules.Beta;
            Enabled = true;
        }
        else
        {
            timeWindow = Math.Cbrt(lastMaxRate * (1 - SdkRetryRules.Beta) / SdkRetryRules.ScaleConstant);
            var sinceThrottle = now - lastThrottle - timeWindow;
            rate = SdkRetryRules.ScaleConstant * sinceThrottle * sinceThrottle * sinceThrottle + lastMaxRate;
        }

        SetRate(now, Math.Min(rate, 2 * measuredRate));
    }

    private void UpdateMeasuredRate(double now)
    {
        var bucket = Math.Floor(now / SdkRetryRules.RateBucketSeconds) * SdkRetryRules.RateBucketSeconds;
        answersInBucket++;
        if (bucket > lastRateBucket)
        {
            var rate = answersInBucket / (bucket - lastRateBucket);
            measuredRate = rate * SdkRetryRules.Smoothing + measuredRate * (1 - SdkRetryRules.Smoothing);
            answersInBucket = 0;
            lastRateBucket = bucket;
        }
    }

    private void SetRate(double now, double rate)
    {
        Refill(now);
        fillRate = Math.Max(rate, SdkRetryRules.MinFillRate);
        maxCapacity = Math.Max(rate, SdkRetryRules.MinCapacity);
        capacity = Math.Min(capacity, maxCapacity);
    }

    private void Refill(double now)
    {
        if (double.IsNaN(lastRefill))
        {
            lastRefill = now;
            return;
        }

        // A moment before lastRefill adds nothing: those tokens are reserved by queued sends.
        if (now > lastRefill)
        {
            capacity = Math.Min(maxCapacity, capacity + (now - lastRefill) * fillRate);
            lastRefill = now;
        }
    }
}
