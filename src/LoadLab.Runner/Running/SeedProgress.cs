using LoadLab.Core.Plans;

namespace LoadLab.Runner.Running;

/// <summary>
/// Progress lines for a long seed: at most one every <see cref="Every"/>, with the share done and the throughput
/// so far. Seeding reports from several batch writers at once, so this is called concurrently and synchronously
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
        report(Formatting.Invariant(
            $"Seeding {table}: {value:N0} / {items:N0} items ({100.0 * value / Math.Max(1, items):0}%), {value / Math.Max(seconds, 1e-9):N0} items/s"));
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);
}
