namespace LoadLab.Runner.Running;

/// <summary>
/// The capacity simulator counts in whole clock seconds (buckets, per-key limits, its per-second series). A load that
/// starts on a whole second lines its seconds up with the simulator's: the first second of the load is one of the
/// simulator's, and a simulation of the same suite (which starts on a whole second too) meets the same grid, so
/// throttles fall in the same seconds. The wait is under a second, once, before the load.
/// </summary>
internal static class WholeSecond
{
    public static Task WaitAsync(TimeProvider time, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        long past = now.Ticks % TimeSpan.TicksPerSecond;
        return past == 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - past), time, stop);
    }
}
