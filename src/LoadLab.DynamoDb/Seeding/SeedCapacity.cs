using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Seeding;

/// <summary>The write capacity of a table's resources (the table, then its global indexes), in units per second.</summary>
/// <param name="Provisioned">True for provisioned capacity, false on demand.</param>
public sealed record SeedCapacity(bool Provisioned, IReadOnlyList<SeedCapacity.Resource> Resources)
{
    /// <param name="Index">The global index, or null for the table.</param>
    public sealed record Resource(string? Index, double WriteUnitsPerSecond);

    /// <summary>One of <paramref name="parts"/> equal shares: the shards of a sharded run seed side by side into one table.</summary>
    public SeedCapacity Share(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parts, 1);
        return parts == 1 ? this : this with { Resources = [.. Resources.Select(r => r with { WriteUnitsPerSecond = r.WriteUnitsPerSecond / parts })] };
    }

    /// <summary>"index byStatus (5 WCU)" or "the table (on-demand, 4,000 WRU/s)", for progress lines and the plan.</summary>
    public string Describe(int resource)
    {
        var r = Resources[resource];
        string what = r.Index is null ? "the table" : $"index {r.Index}";
        return Provisioned
            ? Formatting.Invariant($"{what} ({r.WriteUnitsPerSecond:N0} WCU)")
            : Formatting.Invariant($"{what} (on-demand, {r.WriteUnitsPerSecond:N0} WRU/s)");
    }
}
