using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Seeding;

namespace LoadLab.Runner.Planning;

/// <summary>
/// How long seeding a data set takes when it paces itself below the capacity of its table and global indexes
/// (<see cref="SeedPace"/>): what <c>loadlab plan</c> shows and what the seeding announces. A lower bound: a slow
/// target or client may take longer, never shorter.
/// </summary>
/// <param name="Seconds">Seconds at the paced rate of the slowest resource.</param>
/// <param name="Limit">The resource that sets the pace, e.g. "index byStatus (5 WCU)".</param>
public sealed record SeedingEstimate(double Seconds, string Limit)
{
    /// <param name="items">Items this process seeds (a shard's slice, or all).</param>
    public static SeedingEstimate Of(long items, DataSetEstimate data, SeedCapacity capacity)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(capacity);
        var (seconds, limit) = SeedPace.Seconds(items, data.SeedUnitsPerItem, capacity);
        return new SeedingEstimate(Math.Round(seconds, 1), capacity.Describe(limit));
    }

    /// <summary>"about 33s, paced below index byStatus (5 WCU)".</summary>
    public string Describe() =>
        Formatting.Invariant($"about {Formatting.Duration(TimeSpan.FromSeconds(Math.Max(Seconds, 0.001)))}, paced below {Limit}");
}
