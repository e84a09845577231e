namespace LoadLab.Core.Scheduling;

/// <summary>
/// Waits until an absolute timestamp. Timers on a general-purpose OS wake up late by up to about a
/// millisecond, so on the real clock the pacer sleeps until shortly before the target and spins the
/// rest; with a virtual clock (tests) it only uses timers, which the test advances.
/// </summary>
internal sealed class Pacer(TimeProvider time)
{
    /// <summary>Gaps shorter than this are spun rather than slept.</summary>
    internal static readonly TimeSpan SpinThreshold = TimeSpan.FromMilliseconds(1.5);

    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(1);

    private readonly bool realClock = ReferenceEquals(time, TimeProvider.System);

    public async ValueTask WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        TimeSpan remaining = Remaining(timestamp);
        if (remaining <= TimeSpan.Zero) return;
        if (!realClock)
        {
            await Task.Delay(remaining, time, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (remaining > SpinThreshold)
            await Task.Delay(remaining - TimerSlack, cancellationToken).ConfigureAwait(false);

        var spinner = default(SpinWait);
        while (Remaining(timestamp) > TimeSpan.Zero && !cancellationToken.IsCancellationRequested)
            spinner.SpinOnce(sleep1Threshold: -1);
    }

    private TimeSpan Remaining(long timestamp)
    {
        long now = time.GetTimestamp();
        return now >= timestamp ? TimeSpan.Zero : time.GetElapsedTime(now, timestamp);
    }
}
