namespace LoadLab.Tracing.Sampling;

/// <summary>
/// Up to N takes per clock second, shared by all threads. Second and count live in one 64-bit word changed by
/// compare-and-swap, so the limit is exact under contention; once a second's budget is spent a take costs one read.
/// </summary>
internal sealed class PerSecondBudget(int limit)
{
    private const int CountBits = 24;
    private const long CountMask = (1L << CountBits) - 1;

    // High bits: the second; low 24 bits: takes in that second.
    private long state = long.MinValue;

    public int Limit { get; } = limit;

    public bool TryTake(long second)
    {
        if (Limit <= 0)
            return false;
        while (true)
        {
            long current = Volatile.Read(ref state);
            long currentSecond = current == long.MinValue ? long.MinValue : current >> CountBits;
            long next;
            if (second > currentSecond)
            {
                next = (second << CountBits) | 1;
            }
            else
            {
                // The same second, or a thread that read the clock just before a rollover: it counts against the newest second.
                if ((current & CountMask) >= Limit)
                    return false;
                next = current + 1;
            }

            if (Interlocked.CompareExchange(ref state, next, current) == current)
                return true;
        }
    }
}
