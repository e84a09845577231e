namespace LoadLab.Core.Simulation;

/// <summary>
/// The standard mode's retry quota: retries take tokens, successes give some back, and an empty quota stops retries
/// (the SDK then throws the attempt's error at once). So a client facing an outage fails fast instead of multiplying
/// its load. docs/simulate.md §2.
/// </summary>
internal struct RetryQuota
{
    private int available;

    public RetryQuota() => available = SdkRetryRules.InitialRetryTokens;

    public readonly int Available => available;

    /// <summary>Takes the cost of a retry; false (nothing taken) when the quota cannot pay it.</summary>
    public bool TryAcquire(bool afterThrottle)
    {
        var cost = afterThrottle ? SdkRetryRules.ThrottlingRetryCost : SdkRetryRules.RetryCost;
        if (available < cost)
            return false;
        available -= cost;
        return true;
    }

    /// <summary>A call's attempt succeeded: gives back 1 for a first attempt, else what the retry before it took.</summary>
    public void Release(int attempt, bool retriedAfterThrottle)
    {
        var amount = attempt <= 1 ? SdkRetryRules.NoRetryIncrement
            : retriedAfterThrottle ? SdkRetryRules.ThrottlingRetryCost : SdkRetryRules.RetryCost;
        available = Math.Min(available + amount, SdkRetryRules.InitialRetryTokens);
    }
}
