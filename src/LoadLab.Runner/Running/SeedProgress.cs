using LoadLab.Core.Plans;

namespace LoadLab.Runner.Running;

/// <summary>
/// Progress lines for a long seed: at most one every <see cref="Every"/>, with the share done, the throughput
/// so far and the time still needed at that throughput. Seeding reports from several batch writers at once, so this is called concurrently and synchronously
/// (not <see cref="Progress{T}"/>, which would post to a synchronization context).
/// </summary>
internal sealed class SeedProgress : IProgress<long>
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly string table;
    private readonly long items;
    private readonly TimeProvider time;
    private readonly Action<string> report;
    private readonly long startTimestamp;
    private long nextTimestamp;

    public SeedProgress(string table, long items, TimeProvider time, Action<string> report)
    {
        this.table = table;
        this.items = items;
        this.time = time;
        this.report = report;
        startTimestamp = time.GetTimestamp();
        nextTimestamp = startTimestamp + Ticks(Every);
    }

    /// <param name="value">Items written so far.</param>
    public void Report(long value)
    {
        long now = time.GetTimestamp();
        long next = Interlocked.Read(ref nextTimestamp);
        // One writer wins each line; the others skip it.
        if (now < next || Interlocked.CompareExchange(ref nextTimestamp, now + Ticks(Every), next) != next)
            return;
        double seconds = time.GetElapsedTime(startTimestamp, now).TotalSeconds;
        double rate = value / Math.Max(seconds, 1e-9);
        report(Formatting.Invariant(
            $"Seeding {table}: {value:N0} / {items:N0} items ({100.0 * value / Math.Max(1, items):0}%), {rate:N0} items/s, {Eta(items - value, rate)}"));
    }

    /// <summary>"ETA 25s" at the rate so far (a paced seeding keeps its rate, so this holds); unknown before the first item.</summary>
    internal static string Eta(long remaining, double itemsPerSecond) =>
        remaining <= 0 ? "done" : itemsPerSecond <= 0 ? "ETA unknown" : "ETA " + Formatting.Duration(TimeSpan.FromSeconds(Math.Ceiling(remaining / itemsPerSecond)));

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);
}
