using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Tables;

namespace LoadLab.DynamoDb.Seeding;

/// <summary>
/// How fast seeding may write: below the write capacity of every resource the items land on — the table and each
/// global index, whose back-pressure refuses the table's write too (capacity reference §8). The same rules serve the
/// seeder (from DescribeTable) and <c>loadlab plan</c> (from the suite), so the planned seeding time is the paced one.
/// </summary>
public static class SeedPace
{
    /// <summary>The share of a resource's capacity seeding uses: room for the rounding of DynamoDB's buckets and for other writers.</summary>
    public const double Share = 0.9;

    /// <summary>What a new on-demand table or index serves at once without a warm throughput of its own (capacity reference §15).</summary>
    public const long OnDemandWriteUnitsPerSecond = 4000;

    /// <summary>
    /// Write units per second a resource serves: its provisioned units; on demand, its maximum (MaxWriteRequestUnits) or
    /// what it serves at once (its warm throughput, 4,000 by default), whichever is lower.
    /// </summary>
    public static double Ceiling(bool provisioned, long? provisionedUnits, long? maxOnDemand, long? warm) =>
        provisioned
            ? Math.Max(1, provisionedUnits ?? 1)
            : Math.Min(maxOnDemand ?? long.MaxValue, warm ?? OnDemandWriteUnitsPerSecond);

    /// <summary>The write capacity of a table's resources (<see cref="SeedUnits.Resources"/> order) as the suite plans it.</summary>
    public static SeedCapacity Planned(TablePlan table)
    {
        ArgumentNullException.ThrowIfNull(table);
        bool provisioned = table.Capacity.Mode == CapacityMode.Provisioned;
        var resources = new List<SeedCapacity.Resource>
        {
            new(null, Ceiling(provisioned, table.Capacity.WriteUnits, table.Capacity.MaxWriteUnits, table.Warm?.WriteUnitsPerSecond)),
        };
        foreach (var index in table.Indexes.Where(i => i.Kind == IndexKind.Global))
        {
            // An index without capacity of its own takes the table's units, and on demand no maximum.
            var own = index.Capacity;
            resources.Add(new(index.Name, Ceiling(provisioned, own?.WriteUnits ?? table.Capacity.WriteUnits, own?.MaxWriteUnits, null)));
        }

        return new SeedCapacity(provisioned, resources);
    }

    /// <summary>The write capacity of the table's resources as DynamoDB describes them now; null when the table does not exist.</summary>
    public static async Task<SeedCapacity?> DescribeAsync(IAmazonDynamoDB client, TablePlan table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(table);
        var description = await TableProvisioner.DescribeOrNullAsync(client, table.Name, cancellationToken).ConfigureAwait(false);
        return description is null ? null : Described(description, table);
    }

    internal static SeedCapacity Described(TableDescription d, TablePlan table)
    {
        bool provisioned = d.BillingModeSummary?.BillingMode != BillingMode.PAY_PER_REQUEST && d.ProvisionedThroughput?.WriteCapacityUnits is > 0;
        var resources = new List<SeedCapacity.Resource>
        {
            new(null, Ceiling(provisioned, d.ProvisionedThroughput?.WriteCapacityUnits, d.OnDemandThroughput?.MaxWriteRequestUnits, d.WarmThroughput?.WriteUnitsPerSecond)),
        };
        foreach (var name in SeedUnits.Resources(table).Skip(1))
        {
            var index = d.GlobalSecondaryIndexes?.FirstOrDefault(i => i.IndexName == name);
            resources.Add(new(name, index is null
                ? resources[0].WriteUnitsPerSecond
                : Ceiling(provisioned, index.ProvisionedThroughput?.WriteCapacityUnits, index.OnDemandThroughput?.MaxWriteRequestUnits, index.WarmThroughput?.WriteUnitsPerSecond)));
        }

        return new SeedCapacity(provisioned, resources);
    }

    /// <summary>
    /// Seconds seeding <paramref name="items"/> items takes when paced: on each resource its units (the items times their
    /// mean units there) over <see cref="Share"/> of its capacity; the slowest resource decides.
    /// </summary>
    /// <param name="unitsPerItem">Mean write units per item on each resource (<see cref="SeedUnits.Resources"/> order).</param>
    public static (double Seconds, int Limit) Seconds(long items, IReadOnlyList<double> unitsPerItem, SeedCapacity capacity)
    {
        ArgumentNullException.ThrowIfNull(unitsPerItem);
        ArgumentNullException.ThrowIfNull(capacity);
        double slowest = 0;
        int limit = 0;
        for (int r = 0; r < capacity.Resources.Count; r++)
        {
            double seconds = items * unitsPerItem[r] / (capacity.Resources[r].WriteUnitsPerSecond * Share);
            if (seconds > slowest)
                (slowest, limit) = (seconds, r);
        }

        return (slowest, limit);
    }

    /// <summary>
    /// Items per BatchWriteItem so that no batch asks any resource for more than one second of its paced capacity: a
    /// provisioned bucket always holds at least that much (§11), so a batch is served whole rather than half refused.
    /// </summary>
    /// <param name="maxUnitsPerItem">The most units one item costs on each resource (from a sample).</param>
    public static int ItemsPerBatch(IReadOnlyList<double> maxUnitsPerItem, SeedCapacity capacity, int limit)
    {
        ArgumentNullException.ThrowIfNull(maxUnitsPerItem);
        ArgumentNullException.ThrowIfNull(capacity);
        double items = limit;
        for (int r = 0; r < capacity.Resources.Count; r++)
        {
            if (maxUnitsPerItem[r] > 0)
                items = Math.Min(items, capacity.Resources[r].WriteUnitsPerSecond * Share / maxUnitsPerItem[r]);
        }

        return Math.Clamp((int)Math.Floor(items), 1, limit);
    }
}
