namespace LoadLab.DynamoDb.Seeding;

/// <summary>Exponential backoff with "equal jitter": half the step is fixed so the wait really grows, half is random so writers spread out.</summary>
internal static class Backoff
{
    /// <param name="retry">0 for the first retry.</param>
    /// <param name="random01">A value in [0, 1).</param>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double random01)
    {
        double step = Math.Min(maxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, Math.Min(retry, 30)));
        return TimeSpan.FromTicks((long)((step / 2) + (step / 2 * random01)));
    }
}
