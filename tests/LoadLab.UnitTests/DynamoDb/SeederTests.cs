using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using LoadLab.Core.Keys;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Seeding;

namespace LoadLab.UnitTests.DynamoDb;

public sealed class SeederTests
{
    private static readonly TablePlan Table = new() { Id = "customers", Name = "Customers", PartitionKey = new KeyAttribute("pk", "S") };

    private static DataSetPlan Data(long items) => new() { TableId = "customers", Model = "customer", Items = items, Seed = 42 };

    private static readonly SeedOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), Parallelism = 4 };

    [Fact]
    public async Task Writes_every_item_once_in_batches_of_25_retrying_unprocessed_items()
    {
        var keys = new ConcurrentBag<string>();
        // Every call with more than 5 items gets its last 5 back as unprocessed, as DynamoDB does under pressure.
        var http = new FakeDynamoDbHttp(r =>
        {
            var requests = r.Body.GetProperty("RequestItems").GetProperty("Customers").EnumerateArray().ToArray();
            var accepted = requests.Length > 5 ? requests[..^5] : requests;
            foreach (var w in accepted)
                keys.Add(w.GetProperty("PutRequest").GetProperty("Item").GetProperty("pk").GetProperty("S").GetString()!);
            return FakeDynamoDbHttp.Json(requests.Length > 5 ? Unprocessed(requests[^5..]) : """{"UnprocessedItems":{}}""");
        });
        using var client = http.CreateClient();
        var progress = new LastValue();

        var result = await Seeder.SeedAsync(client, Table, Data(110), CustomerModel.Instance, new SeedOptions { Parallelism = 3, Progress = progress, BaseDelay = TimeSpan.FromMilliseconds(1) }, CancellationToken.None);

        Assert.Equal(110, result.ItemsWritten);
        Assert.Equal(5, result.Batches);
        Assert.Equal(5, result.UnprocessedRetries);
        Assert.Equal(110, progress.Value);
        Assert.Equal(Enumerable.Range(0, 110).Select(i => $"CUSTOMER#{i:D10}").Order(), keys.Order());
        Assert.All(http.Requests, r => Assert.True(r.Body.GetProperty("RequestItems").GetProperty("Customers").GetArrayLength() <= Seeder.BatchSize));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Each_shard_writes_only_its_slice_and_the_shards_together_write_every_item_once(int shards)
    {
        var perShard = new List<string[]>();
        for (int i = 0; i < shards; i++)
        {
            var keys = new ConcurrentBag<string>();
            var http = new FakeDynamoDbHttp(r =>
            {
                foreach (var w in r.Body.GetProperty("RequestItems").GetProperty("Customers").EnumerateArray())
                    keys.Add(w.GetProperty("PutRequest").GetProperty("Item").GetProperty("pk").GetProperty("S").GetString()!);
                return FakeDynamoDbHttp.Json("""{"UnprocessedItems":{}}""");
            });
            using var client = http.CreateClient();
            var shard = new KeyShard(i, shards);
            var slice = shard.SliceOf(113);

            var result = await Seeder.SeedAsync(client, Table, Data(113), CustomerModel.Instance, new SeedOptions { Shard = shard }, CancellationToken.None);

            Assert.Equal(slice.Count, result.ItemsWritten);
            Assert.Equal((slice.Count + 24) / 25, result.Batches);
            Assert.Equal(Enumerable.Range((int)slice.Start, (int)slice.Count).Select(k => $"CUSTOMER#{k:D10}").Order(), keys.Order());
            perShard.Add([.. keys]);
        }

        Assert.Equal(Enumerable.Range(0, 113).Select(k => $"CUSTOMER#{k:D10}").Order(), perShard.SelectMany(k => k).Order());
    }

    [Fact]
    public async Task A_throttled_batch_is_retried()
    {
        var http = new FakeDynamoDbHttp(r => r.Call == 1 ? FakeDynamoDbHttp.Throttle("TableWriteProvisionedThroughputExceeded") : FakeDynamoDbHttp.Json("{}"));
        using var client = http.CreateClient(maxAttempts: 1);

        var result = await Seeder.SeedAsync(client, Table, Data(10), CustomerModel.Instance, Fast, CancellationToken.None);

        Assert.Equal(10, result.ItemsWritten);
        Assert.Equal(1, result.UnprocessedRetries);
    }

    [Fact]
    public async Task Items_still_unprocessed_after_the_last_attempt_fail_with_the_count_not_written()
    {
        // The first batch is accepted; after that nothing is ever processed.
        var http = new FakeDynamoDbHttp(r => r.Call == 1
            ? FakeDynamoDbHttp.Json("{}")
            : FakeDynamoDbHttp.Json(Unprocessed(r.Body.GetProperty("RequestItems").GetProperty("Customers").EnumerateArray().ToArray())));
        using var client = http.CreateClient();
        var options = new SeedOptions { Parallelism = 1, MaxAttemptsPerBatch = 3, BaseDelay = TimeSpan.FromMilliseconds(1) };

        var ex = await Assert.ThrowsAsync<SeedingIncompleteException>(
            () => Seeder.SeedAsync(client, Table, Data(60), CustomerModel.Instance, options, CancellationToken.None));

        Assert.Equal(25, ex.ItemsWritten);
        Assert.Equal(35, ex.ItemsNotWritten);
        Assert.Contains("35 of 60 items were not written", ex.Message, StringComparison.Ordinal);
        Assert.IsType<BatchRetriesExhaustedException>(ex.InnerException);
        Assert.Equal(4, http.Calls);
    }

    [Fact]
    public async Task A_non_retryable_error_stops_seeding()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Error("ResourceNotFoundException"));
        using var client = http.CreateClient();

        var ex = await Assert.ThrowsAsync<SeedingIncompleteException>(
            () => Seeder.SeedAsync(client, Table, Data(1000), CustomerModel.Instance, Fast, CancellationToken.None));

        Assert.Equal(1000, ex.ItemsNotWritten);
        Assert.IsType<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(ex.InnerException);
        Assert.True(http.Calls <= Fast.Parallelism, $"{http.Calls} calls after the first failure");
    }

    [Fact]
    public async Task Cancellation_stops_with_OperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();
        var http = new FakeDynamoDbHttp(r =>
        {
            if (r.Call == 3)
                cancel.Cancel();
            return FakeDynamoDbHttp.Json("{}");
        });
        using var client = http.CreateClient();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Seeder.SeedAsync(client, Table, Data(10_000), CustomerModel.Instance, Fast, cancel.Token));
        Assert.True(http.Calls < 20, $"{http.Calls} calls");
    }

    [Fact]
    public async Task An_empty_data_set_writes_nothing()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));
        using var client = http.CreateClient();

        var result = await Seeder.SeedAsync(client, Table, Data(0), CustomerModel.Instance, Fast, CancellationToken.None);

        Assert.Equal((0L, 0L), (result.ItemsWritten, result.Batches));
        Assert.Equal(0, http.Calls);
    }

    [Fact]
    public async Task A_data_set_of_another_table_is_rejected()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));
        using var client = http.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(
            () => Seeder.SeedAsync(client, Table, Data(1) with { TableId = "orders" }, CustomerModel.Instance, Fast, CancellationToken.None));
    }

    [Fact]
    public void Backoff_grows_exponentially_up_to_the_cap_with_jitter_in_the_upper_half()
    {
        var baseDelay = TimeSpan.FromMilliseconds(100);
        var max = TimeSpan.FromSeconds(1);

        Assert.Equal(TimeSpan.FromMilliseconds(50), Backoff.Delay(0, baseDelay, max, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(100), Backoff.Delay(0, baseDelay, max, 1));
        Assert.Equal(TimeSpan.FromMilliseconds(400), Backoff.Delay(3, baseDelay, max, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(500), Backoff.Delay(10, baseDelay, max, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), Backoff.Delay(100, baseDelay, max, 1));
    }

    private static string Unprocessed(JsonElement[] requests)
    {
        var json = new StringBuilder("""{"UnprocessedItems":{"Customers":[""");
        json.AppendJoin(',', requests.Select(r => r.GetRawText()));
        return json.Append("]}}").ToString();
    }

    private sealed class LastValue : IProgress<long>
    {
        private long value;

        public long Value => Interlocked.Read(ref value);

        // Reports may arrive out of order from parallel batches; the highest is the running total.
        public void Report(long value)
        {
            long seen;
            while ((seen = Interlocked.Read(ref this.value)) < value && Interlocked.CompareExchange(ref this.value, value, seen) != seen)
            {
            }
        }
    }
}
