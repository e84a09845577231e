using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Keys;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.DynamoDb.Seeding;

/// <summary>
/// Writes a data set with BatchWriteItem, several batches in flight. Given the table's capacity it paces itself below
/// the capacity of the table and of each global index, in batches small enough to be served whole. Unprocessed and
/// throttled items are retried with backoff for as long as anything is written; it gives up only when no item was
/// written for <see cref="SeedOptions.StallTimeout"/>.
/// </summary>
public static class Seeder
{
    /// <summary>BatchWriteItem's limit on requests per call.</summary>
    public const int BatchSize = 25;

    /// <summary>Items sampled to size batches for the capacity: enough to meet the larger items of a size distribution.</summary>
    private const int SizingSamples = 100;

    /// <exception cref="SeedingIncompleteException">A batch could not be written; the exception says how many items were not.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; batches in flight finish or stop first.</exception>
    public static async Task<SeedResult> SeedAsync(
        IAmazonDynamoDB client,
        TablePlan table,
        DataSetPlan dataSet,
        IDataModel model,
        SeedOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dataSet);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(dataSet.TableId, table.Id, StringComparison.Ordinal))
            throw new ArgumentException($"The data set is for table '{dataSet.TableId}', not '{table.Id}'.", nameof(dataSet));
        ArgumentOutOfRangeException.ThrowIfNegative(dataSet.Items, nameof(dataSet));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.StallTimeout, TimeSpan.Zero, nameof(options));
        if (options.Capacity is { } capacity && capacity.Resources.Count != SeedUnits.Resources(table).Count)
            throw new ArgumentException("The capacity given does not list the table and each of its global indexes.", nameof(options));

        var run = new SeedRun(client, table, dataSet, model, options);
        return await run.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The shared state of one seeding: the next batch to take, the running totals and the stall clock.</summary>
    private sealed class SeedRun
    {
        private readonly IAmazonDynamoDB client;
        private readonly TablePlan table;
        private readonly DataSetPlan dataSet;
        private readonly IDataModel model;
        private readonly SeedOptions options;
        private readonly TimeProvider time;

        // The items this process writes: all of them, or its shard's slice.
        private readonly KeySlice slice;
        private readonly int itemsPerBatch;
        private readonly long batchCount;
        private readonly SeedPacer? pacer;
        private long nextBatch = -1;
        private long written;
        private long retries;
        private long lastProgress;

        public SeedRun(IAmazonDynamoDB client, TablePlan table, DataSetPlan dataSet, IDataModel model, SeedOptions options)
        {
            this.client = client;
            this.table = table;
            this.dataSet = dataSet;
            this.model = model;
            this.options = options;
            time = options.TimeProvider;
            slice = options.Shard.SliceOf(dataSet.Items);
            if (options.Capacity is { } capacity)
            {
                itemsPerBatch = SeedPace.ItemsPerBatch(LargestUnits(), capacity, BatchSize);
                pacer = new SeedPacer(capacity, time);
            }
            else
            {
                itemsPerBatch = BatchSize;
            }

            batchCount = (slice.Count + itemsPerBatch - 1) / itemsPerBatch;
        }

        public async Task<SeedResult> RunAsync(CancellationToken cancellationToken)
        {
            long start = time.GetTimestamp();
            Interlocked.Exchange(ref lastProgress, start);
            // One failed batch stops the others: the seed is incomplete either way, so more writes only cost money.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            int workers = (int)Math.Min(options.Parallelism, batchCount);
            var tasks = new Task[workers];
            for (int i = 0; i < workers; i++)
                tasks[i] = Task.Run(() => WorkAsync(stop), CancellationToken.None);

            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch (Exception)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cause = tasks
                    .Where(t => t.IsFaulted)
                    .SelectMany(t => t.Exception!.InnerExceptions)
                    .FirstOrDefault(e => e is not OperationCanceledException);
                throw new SeedingIncompleteException(table.Name, Interlocked.Read(ref written), slice.Count - Interlocked.Read(ref written), cause);
            }

            return new SeedResult(written, batchCount, retries, time.GetElapsedTime(start));
        }

        private async Task WorkAsync(CancellationTokenSource stop)
        {
            try
            {
                long batch;
                while ((batch = Interlocked.Increment(ref nextBatch)) < batchCount)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    await WriteBatchAsync(BuildBatch(batch), stop.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>The most units one item costs on each resource, over the first items: what a batch must leave room for.</summary>
        private double[] LargestUnits()
        {
            var largest = new double[SeedUnits.Resources(table).Count];
            for (long i = slice.Start; i < Math.Min(slice.End, slice.Start + SizingSamples); i++)
            {
                var units = SeedUnits.Of(model.CreateItem(dataSet.Seed, i, table), table);
                for (int r = 0; r < largest.Length; r++)
                    largest[r] = Math.Max(largest[r], units[r]);
            }

            return largest;
        }

        private List<WriteRequest> BuildBatch(long batch)
        {
            long first = slice.Start + (batch * itemsPerBatch);
            int count = (int)Math.Min(itemsPerBatch, slice.End - first);
            var requests = new List<WriteRequest>(count);
            var positions = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (long i = first; i < first + count; i++)
            {
                var item = model.CreateItem(dataSet.Seed, i, table);
                // BatchWriteItem refuses a batch that names one key twice, which a key template without {index} can
                // do; the later item wins, as it would with one put after the other.
                if (positions.TryGetValue(KeyText(item), out int earlier))
                {
                    requests[earlier] = new WriteRequest(new PutRequest(item));
                    Written(1);
                    continue;
                }

                positions.Add(KeyText(item), requests.Count);
                requests.Add(new WriteRequest(new PutRequest(item)));
            }

            return requests;
        }

        private string KeyText(Dictionary<string, AttributeValue> item)
        {
            string partition = Text(item[table.PartitionKey.Name]);
            return table.SortKey is { } sort ? partition + "\u0000" + Text(item[sort.Name]) : partition;
        }

        private static string Text(AttributeValue value) => value.S ?? value.N ?? Convert.ToBase64String(value.B.ToArray());

        private async Task WriteBatchAsync(List<WriteRequest> pending, CancellationToken cancellationToken)
        {
            bool first = true;
            for (int retry = 0; ; )
            {
                if (pacer is not null)
                    await pacer.WaitAsync(UnitsOf(pending), cancellationToken).ConfigureAwait(false);
                // A new batch let go by the pacer counts as progress: a long wait for capacity is pacing, not a stall.
                if (first)
                    Interlocked.Exchange(ref lastProgress, time.GetTimestamp());
                first = false;

                Exception? error = null;
                int left;
                try
                {
                    var response = await client.BatchWriteItemAsync(
                        new BatchWriteItemRequest { RequestItems = new() { [table.Name] = pending } },
                        cancellationToken).ConfigureAwait(false);
                    var unprocessed = response.UnprocessedItems is { } map && map.TryGetValue(table.Name, out var list) ? list : null;
                    left = unprocessed?.Count ?? 0;
                    Written(pending.Count - left);
                    if (left == 0)
                        return;
                    // Part of the batch was written: the backoff starts over.
                    retry = left < pending.Count ? 0 : retry;
                    pending = unprocessed!;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsRetryable(ex))
                {
                    error = ex;
                    left = pending.Count;
                }

                var stalled = time.GetElapsedTime(Interlocked.Read(ref lastProgress));
                if (stalled >= options.StallTimeout)
                    throw new SeedingStalledException(options.StallTimeout, left, error);
                Interlocked.Increment(ref retries);
                var delay = Backoff.Delay(retry++, options.BaseDelay, options.MaxDelay, Random.Shared.NextDouble());
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }

        private double[] UnitsOf(List<WriteRequest> requests)
        {
            var units = new double[SeedUnits.Resources(table).Count];
            foreach (var request in requests)
                SeedUnits.Add(request.PutRequest.Item, table, units);
            return units;
        }

        private void Written(int count)
        {
            if (count == 0)
                return;
            Interlocked.Exchange(ref lastProgress, time.GetTimestamp());
            long total = Interlocked.Add(ref written, count);
            options.Progress?.Report(total);
        }

        // Throttles are the expected reason to back off; a 5xx the SDK already retried may still pass a little later.
        private static bool IsRetryable(Exception ex) =>
            OutcomeClassifier.Classify(ex).Kind is OutcomeKind.Throttled or OutcomeKind.ServerError;
    }
}
