using System.Diagnostics;

namespace LoadLab.Bench.Harness;

/// <summary>
/// Counts operations as they start and samples the count and this process's CPU time every 100 ms, with time
/// measured from the first operation. Counting starts (one interlocked add) keeps the measured path untouched: in a
/// closed loop starts and completions differ only by the operations in flight.
/// </summary>
internal sealed class RateTrace
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly List<Sample> samples = [];
    private long count;
    private long first;

    public long Count => Volatile.Read(ref count);

    public IReadOnlyList<Sample> Samples => samples;

    public void Started()
    {
        if (Interlocked.Increment(ref count) == 1)
            Volatile.Write(ref first, Stopwatch.GetTimestamp());
    }

    /// <summary>Samples until <paramref name="stop"/>; the last sample is taken when it fires.</summary>
    public async Task SampleAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
                Take();
        }
        catch (OperationCanceledException)
        {
        }

        Take();
    }

    private void Take()
    {
        long start = Volatile.Read(ref first);
        if (start == 0)
            return;
        samples.Add(new Sample(Stopwatch.GetElapsedTime(start).TotalSeconds, Count, Environment.CpuUsage.TotalTime.TotalMicroseconds, System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds));
    }

    /// <summary>The sample closest to <paramref name="seconds"/> after the first operation.</summary>
    public Sample At(double seconds)
    {
        var best = samples[0];
        foreach (var s in samples)
        {
            if (Math.Abs(s.Seconds - seconds) < Math.Abs(best.Seconds - seconds))
                best = s;
        }

        return best;
    }

    /// <param name="JitMs">Time the JIT has spent compiling so far: it keeps rising while hot code is still being optimised.</param>
    public readonly record struct Sample(double Seconds, long Count, double CpuUs, double JitMs);
}
