namespace LoadLab.DynamoDb.Seeding;

/// <summary>
/// Spaces the seeder's batches so every resource they write to is asked for at most <see cref="SeedPace.Share"/> of its
/// capacity per second. Each batch reserves its units on every resource at once: it may go when each of them has
/// room again, and pushes each one's next free moment on by the time its units take at the paced rate. Shared by the
/// seeder's concurrent writers; waits on the injected clock.
/// </summary>
internal sealed class SeedPacer
{
    private readonly double[] rates;
    private readonly double[] freeAt;
    private readonly TimeProvider time;
    private readonly long origin;
    private readonly Lock gate = new();

    public SeedPacer(SeedCapacity capacity, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(capacity);
        rates = [.. capacity.Resources.Select(r => r.WriteUnitsPerSecond * SeedPace.Share)];
        freeAt = new double[rates.Length];
        this.time = time;
        origin = time.GetTimestamp();
    }

    /// <summary>Waits until a batch of <paramref name="units"/> (per resource) may be sent, and books it.</summary>
    public async Task WaitAsync(double[] units, CancellationToken cancellationToken)
    {
        double start;
        lock (gate)
        {
            start = Now();
            for (int r = 0; r < rates.Length; r++)
            {
                if (units[r] > 0)
                    start = Math.Max(start, freeAt[r]);
            }

            for (int r = 0; r < rates.Length; r++)
            {
                if (units[r] > 0)
                    freeAt[r] = start + (units[r] / rates[r]);
            }
        }

        double wait = start - Now();
        if (wait > 0)
            await Task.Delay(TimeSpan.FromSeconds(wait), time, cancellationToken).ConfigureAwait(false);
    }

    private double Now() => time.GetElapsedTime(origin).TotalSeconds;
}
