using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using LoadLab.Core.Keys;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Seeding;
using LoadLab.UnitTests.Core.Support;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.DynamoDb;

[Collection(VirtualClockCollection.Name)]
public sealed class SeederTests
{
    private static readonly TablePlan Table = new() { Id = "customers", Name = "Customers", PartitionKey = new KeyAttribute("pk", "S") };

    private static readonly DateTimeOffset Start = new FakeTimeProvider().GetUtcNow();

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
    public async Task Items_that_keep_coming_back_unprocessed_fail_once_no_item_was_written_for_the_stall_timeout()
    {
        var clock = new VirtualClock();
        // The first batch is accepted; after that nothing is ever processed.
        var http = new FakeDynamoDbHttp(r => r.Call == 1
            ? FakeDynamoDbHttp.Json("{}")
            : FakeDynamoDbHttp.Json(Unprocessed(r.Body.GetProperty("RequestItems").GetProperty("Customers").EnumerateArray().ToArray())));
        using var client = http.CreateClient();
        var options = new SeedOptions { Parallelism = 1, StallTimeout = TimeSpan.FromMinutes(1), TimeProvider = clock };
        var start = clock.GetUtcNow();

        var ex = await Assert.ThrowsAsync<SeedingIncompleteException>(() => clock.RunAsync(() => Seeder.SeedAsync(client, Table, Data(60), CustomerModel.Instance, options, CancellationToken.None), TimeSpan.FromHours(1)));

        Assert.Equal(25, ex.ItemsWritten);
        Assert.Equal(35, ex.ItemsNotWritten);
        Assert.Contains("35 of 60 items were not written", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No item was written for 1m", ex.Message, StringComparison.Ordinal);
        Assert.IsType<SeedingStalledException>(ex.InnerException);
        // It kept retrying, with backoff, for the whole minute of (virtual) time, and gave up right after it.
        Assert.InRange((clock.GetUtcNow() - start).TotalSeconds, 60, 70);
        Assert.True(http.Calls > 10, $"{http.Calls} calls");
    }

    [Fact]
    public async Task Retries_go_on_as_long_as_items_get_written_however_long_that_takes()
    {
        var clock = new VirtualClock();
        // A starved table: one call in eight writes one item, the others come back whole.
        var http = new FakeDynamoDbHttp(r =>
        {
            var requests = r.Body.GetProperty("RequestItems").GetProperty("Customers").EnumerateArray().ToArray();
            return FakeDynamoDbHttp.Json(r.Call % 8 == 0 ? Unprocessed(requests[1..]) : Unprocessed(requests));
        });
        using var client = http.CreateClient();
        var options = new SeedOptions { Parallelism = 1, StallTimeout = TimeSpan.FromMinutes(1), TimeProvider = clock };
        var start = clock.GetUtcNow();

        var result = await clock.RunAsync(() => Seeder.SeedAsync(client, Table, Data(30), CustomerModel.Instance, options, CancellationToken.None), TimeSpan.FromHours(2));

        Assert.Equal(30, result.ItemsWritten);
        // Far longer than the stall timeout in all, but never a minute without an item.
        Assert.True((clock.GetUtcNow() - start).TotalMinutes > 2, $"{clock.GetUtcNow() - start}");
    }

    [Fact]
    public async Task With_the_capacity_known_it_paces_below_the_slowest_resource_in_batches_it_serves_whole()
    {
        var clock = new VirtualClock();
        var table = Table with { Indexes = [new IndexPlan { Name = "byTier", PartitionKey = new KeyAttribute("tier", "S") }], Capacity = new CapacityPlan(CapacityMode.Provisioned, 1000, 1000) };
        // A global index with 5 WCU next to a table with 1000: the index sets the pace.
        var capacity = new SeedCapacity(true, [new(null, 1000), new("byTier", 5)]);
        var sent = new ConcurrentQueue<(double At, double IndexUnits)>();
        var http = new FakeDynamoDbHttp(r =>
        {
            double units = 0;
            foreach (var w in r.Body.GetProperty("RequestItems").GetProperty("Customers").EnumerateArray())
                units += w.GetProperty("PutRequest").GetProperty("Item").TryGetProperty("tier", out _) ? 1 : 0;
            sent.Enqueue(((clock.GetUtcNow() - Start).TotalSeconds, units));
            return FakeDynamoDbHttp.Json("{}");
        });
        using var client = http.CreateClient();
        var options = new SeedOptions { Capacity = capacity, TimeProvider = clock };

        var result = await clock.RunAsync(() => Seeder.SeedAsync(client, table, Data(150), CustomerModel.Instance, options, CancellationToken.None), TimeSpan.FromHours(1));

        Assert.Equal(150, result.ItemsWritten);
        Assert.Equal(0, result.UnprocessedRetries);
        var calls = sent.OrderBy(c => c.At).ToArray();
        // Batches of at most 4.5 index units (90 % of one second of 5 WCU), so the index's bucket serves each whole.
        Assert.All(calls, c => Assert.InRange(c.IndexUnits, 1, 4.5));
        // Never more than 90 % of 5 WCU over any stretch: every call's units were paid for by the time before it.
        double paid = 0;
        foreach (var call in calls)
        {
            Assert.True(paid <= (call.At * 4.5) + 1e-6, $"{paid} units sent before {call.At} s");
            paid += call.IndexUnits;
        }

        Assert.True(calls[^1].At >= (150 - calls[^1].IndexUnits) / 4.5 - 0.1, $"the last batch went at {calls[^1].At} s");
    }

    [Fact]
    public void A_batch_holds_what_one_second_of_the_paced_capacity_takes()
    {
        var capacity = new SeedCapacity(true, [new(null, 1000), new("byTier", 5)]);

        Assert.Equal(4, SeedPace.ItemsPerBatch([1, 1], capacity, Seeder.BatchSize));
        Assert.Equal(2, SeedPace.ItemsPerBatch([1, 2], capacity, Seeder.BatchSize));
        Assert.Equal(25, SeedPace.ItemsPerBatch([1, 0], capacity, Seeder.BatchSize));
        // An item bigger than a second of capacity still goes, one at a time.
        Assert.Equal(1, SeedPace.ItemsPerBatch([1, 9], capacity, Seeder.BatchSize));
        Assert.Equal((150 / 4.5, 1), SeedPace.Seconds(150, [1, 1], capacity));
        // Two shards seeding the same table at once take half each.
        Assert.Equal([500, 2.5], capacity.Share(2).Resources.Select(r => r.WriteUnitsPerSecond));
    }

    [Fact]
    public void The_ceiling_is_the_provisioned_units_or_the_lower_of_the_on_demand_maximum_and_what_is_served_at_once()
    {
        Assert.Equal(5, SeedPace.Ceiling(provisioned: true, 5, null, null));
        Assert.Equal(4000, SeedPace.Ceiling(provisioned: false, null, null, null));
        Assert.Equal(500, SeedPace.Ceiling(provisioned: false, null, 500, null));
        Assert.Equal(12_000, SeedPace.Ceiling(provisioned: false, null, null, 12_000));
        Assert.Equal(500, SeedPace.Ceiling(provisioned: false, null, 500, 12_000));
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
