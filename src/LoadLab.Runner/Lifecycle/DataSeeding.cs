using Amazon.DynamoDBv2;
using LoadLab.Core.Keys;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Seeding;
using LoadLab.Runner.Planning;

namespace LoadLab.Runner.Lifecycle;

/// <summary>
/// Seeds one data set, for run and seed. Item i depends on (seed, i) alone and is written with its own key, so an
/// interrupted seeding is finished by seeding again: the same keys are overwritten with the same items.
/// </summary>
internal static class DataSeeding
{
    /// <param name="shard">The slice of a sharded run (--shard), or null for every item.</param>
    public static async Task<SeedSummary> SeedAsync(IAmazonDynamoDB client, RunPlan plan, DataSetPlan dataSet, KeyShard? shard, TimeProvider time, Action<string> info, CancellationToken stop)
    {
        var table = plan.Table(dataSet.TableId);
        var model = DataModels.For(dataSet);
        var keys = shard ?? KeyShard.Whole;
        string part = keys.Count == 1 ? "" : $" (shard {keys.Index}/{keys.Count}: items {keys.SliceOf(dataSet.Items)} of {dataSet.Items:N0})";
        long items = keys.SliceOf(dataSet.Items).Count;
        // The capacity as DynamoDB has it now (it may differ from the suite's on a table that existed), paced below;
        // the shards of a sharded run seed at once, so each takes its share.
        var capacity = (await SeedPace.DescribeAsync(client, table, stop).ConfigureAwait(false) ?? SeedPace.Planned(table)).Share(keys.Count);
        var estimate = SeedingEstimate.Of(items, DataSetEstimator.Estimate(dataSet, table, (int)Math.Clamp(items, 1, DataSetEstimator.Samples)), capacity);
        info($"Seeding {items:N0} {dataSet.Model} items into {table.Name}{part}: {estimate.Describe()}…");
        var progress = new Running.SeedProgress(table.Name, items, time, info);
        var options = new SeedOptions { Shard = keys, Progress = progress, Capacity = capacity, StallTimeout = plan.FailOn.SeedingStalledFor, TimeProvider = time };
        var result = await Seeder.SeedAsync(client, table, dataSet, model, options, stop).ConfigureAwait(false);
        double seconds = result.Elapsed.TotalSeconds;
        info(Formatting.Invariant($"Seeded {result.ItemsWritten:N0} items in {seconds:0.0}s ({result.ItemsWritten / Math.Max(seconds, 1e-9):N0} items/s, {result.UnprocessedRetries} unprocessed retries)"));
        return new SeedSummary(table.Name, dataSet.Model, result.ItemsWritten, result.Batches, result.UnprocessedRetries, Math.Round(seconds, 3));
    }
}
