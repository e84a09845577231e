using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Keys;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.DynamoDb.Seeding;

/// <summary>Writes a data set with BatchWriteItem: batches of 25, several in flight, unprocessed and throttled items retried.</summary>
public static class Seeder
{
    /// <summary>BatchWriteItem's limit on requests per call.</summary>
    public const int BatchSize = 25;

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
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttemptsPerBatch, 1, nameof(options));

        var run = new SeedRun(client, table, dataSet, model, options);
        return await run.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The shared state of one seeding: the next batch to take and the running totals.</summary>
    private sealed class SeedRun(IAmazonDynamoDB client, TablePlan table, DataSetPlan dataSet, IDataModel model, SeedOptions options)
    {
        // The items this process writes: all of them, or its shard's slice.
        private readonly KeySlice slice = options.Shard.SliceOf(dataSet.Items);
        private readonly long batchCount = (options.Shard.SliceOf(dataSet.Items).Count + BatchSize - 1) / BatchSize;
        private long nextBatch = -1;
        private long written;
        private long retries;

        public async Task<SeedResult> RunAsync(CancellationToken cancellationToken)
        {
            var time = options.TimeProvider;
            long start = time.GetTimestamp();
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

        private List<WriteRequest> BuildBatch(long batch)
        {
            long first = slice.Start + (batch * BatchSize);
            int count = (int)Math.Min(BatchSize, slice.End - first);
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
            for (int attempt = 1; ; attempt++)
            {
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
                    pending = unprocessed!;
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsRetryable(ex))
                {
                    error = ex;
                    left = pending.Count;
                }

                if (attempt >= options.MaxAttemptsPerBatch)
                    throw new BatchRetriesExhaustedException(attempt, left, error);
                Interlocked.Increment(ref retries);
                var delay = Backoff.Delay(attempt - 1, options.BaseDelay, options.MaxDelay, Random.Shared.NextDouble());
                await Task.Delay(delay, options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }

        private void Written(int count)
        {
            if (count == 0)
                return;
            long total = Interlocked.Add(ref written, count);
            options.Progress?.Report(total);
        }

        // Throttles are the expected reason to back off; a 5xx the SDK already retried may still pass a little later.
        private static bool IsRetryable(Exception ex) =>
            OutcomeClassifier.Classify(ex).Kind is OutcomeKind.Throttled or OutcomeKind.ServerError;
    }
}
