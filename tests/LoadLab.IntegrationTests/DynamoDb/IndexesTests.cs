using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.DynamoDb;

/// <summary>Tables with secondary indexes on the real local target, seeded with templated keys, and queried by index.</summary>
[Collection("local-target")]
public sealed class IndexesTests(LocalTargetFixture fixture)
{
    private static TablePlan OrdersTable() => LocalTables.NewCustomerTable("orders") with
    {
        Indexes =
        [
            new IndexPlan { Name = "byStatus", PartitionKey = new KeyAttribute("status", "S"), SortKey = new KeyAttribute("createdAt", "S") },
            new IndexPlan { Name = "byMonth", PartitionKey = new KeyAttribute("gsi1pk", "S"), Projection = ProjectionKind.Include, NonKeyAttributes = ["total"] },
            new IndexPlan { Name = "byTotal", Kind = IndexKind.Local, PartitionKey = new KeyAttribute("pk", "S"), SortKey = new KeyAttribute("total", "N"), Projection = ProjectionKind.KeysOnly },
        ],
    };

    private static DataSetPlan Orders(TablePlan table, long items) => new()
    {
        TableId = table.Id,
        Model = "order",
        Items = items,
        Seed = 42,
        PartitionKeyTemplate = "CUSTOMER#{customerId}",
        SortKeyTemplate = "ORDER#{createdAt:yyyy-MM-dd}#{orderId}",
        Templates = [new("gsi1pk", "MONTH#{createdAt:yyyy-MM}")],
    };

    [Fact]
    public async Task Creates_a_gsi_and_an_lsi_seeds_templated_orders_and_queries_the_gsi_for_one_status()
    {
        using var client = LocalTables.Client(fixture.Endpoint);
        var table = OrdersTable();
        var data = Orders(table, 600);
        var model = DataModels.For(data);
        try
        {
            Assert.True(await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None));
            var described = (await client.DescribeTableAsync(table.Name)).Table;
            Assert.Equal(["byMonth", "byStatus"], described.GlobalSecondaryIndexes.Select(g => g.IndexName).Order(StringComparer.Ordinal));
            Assert.Equal("byTotal", Assert.Single(described.LocalSecondaryIndexes).IndexName);

            var result = await Seeder.SeedAsync(client, table, data, model, new SeedOptions(), CancellationToken.None);
            Assert.Equal(600, result.ItemsWritten);

            var expected = Enumerable.Range(0, 600).Select(i => model.CreateItem(42, i, table)).Where(i => i["status"].S == "SHIPPED").ToList();
            var found = await QueryAllAsync(client, new QueryRequest
            {
                TableName = table.Name,
                IndexName = "byStatus",
                KeyConditionExpression = "#s = :s",
                ExpressionAttributeNames = new() { ["#s"] = "status" },
                ExpressionAttributeValues = new() { [":s"] = new AttributeValue { S = "SHIPPED" } },
            });
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Select(i => i["sk"].S).Order(StringComparer.Ordinal), found.Select(i => i["sk"].S).Order(StringComparer.Ordinal));
            // The index sorts by createdAt.
            Assert.Equal(found.Select(i => i["createdAt"].S).Order(StringComparer.Ordinal), found.Select(i => i["createdAt"].S));

            // A get rebuilds the templated key of any item.
            var stored = await client.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = model.KeyOf(123, table) });
            Assert.Equal(model.CreateItem(42, 123, table)["total"].N, stored.Item["total"].N);

            // The LSI orders one customer's orders by total; the template attribute keys the INCLUDE index.
            var customer = model.KeyOf(123, table)["pk"];
            var byTotal = await QueryAllAsync(client, new QueryRequest
            {
                TableName = table.Name,
                IndexName = "byTotal",
                KeyConditionExpression = "pk = :p",
                ExpressionAttributeValues = new() { [":p"] = customer },
            });
            Assert.Contains(byTotal, i => i["sk"].S == model.KeyOf(123, table)["sk"].S);
            var month = model.ValueOf(123, "gsi1pk", table)!;
            var byMonth = await QueryAllAsync(client, new QueryRequest
            {
                TableName = table.Name,
                IndexName = "byMonth",
                KeyConditionExpression = "gsi1pk = :m",
                ExpressionAttributeValues = new() { [":m"] = month },
            });
            Assert.All(byMonth, i => Assert.Equal(["gsi1pk", "pk", "sk", "total"], i.Keys.Order(StringComparer.Ordinal)));
            Assert.Equal(Enumerable.Range(0, 600).Count(i => model.CreateItem(42, i, table)["gsi1pk"].S == month.S), byMonth.Count);
        }
        finally
        {
            await LocalTables.DeleteQuietlyAsync(client, table.Name);
        }
    }

    [Fact]
    public async Task Reseeding_overwrites_the_same_keys_and_sized_items_keep_their_size()
    {
        using var client = LocalTables.Client(fixture.Endpoint);
        var table = OrdersTable() with { Indexes = [] };
        var data = Orders(table, 300) with { Size = ItemSizePlan.Target(2048) };
        var model = DataModels.For(data);
        try
        {
            await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None);
            var progress = new List<long>();
            await Seeder.SeedAsync(client, table, data, model, new SeedOptions { Progress = new Progress<long>(progress.Add) }, CancellationToken.None);
            await Seeder.SeedAsync(client, table, data, model, new SeedOptions(), CancellationToken.None);

            Assert.Equal(300, await LocalTables.CountAsync(client, table.Name));
            var stored = await client.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = model.KeyOf(7, table), ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });
            Assert.Equal(2048, ItemSize.Of(stored.Item));
            // dynalite sizes items by the same rules: 2 KB is two write units, one strongly consistent read unit (0.5 eventually).
            Assert.Equal(0.5, stored.ConsumedCapacity.CapacityUnits);
        }
        finally
        {
            await LocalTables.DeleteQuietlyAsync(client, table.Name);
        }
    }

    [Fact]
    public async Task Capacity_options_are_accepted_and_an_existing_table_with_other_indexes_is_refused()
    {
        using var client = LocalTables.Client(fixture.Endpoint);
        var table = OrdersTable() with
        {
            Capacity = CapacityPlan.OnDemand with { MaxReadUnits = 1000, MaxWriteUnits = 500 },
            Warm = new WarmThroughputPlan(12000, 4000),
        };
        try
        {
            // dynalite drops request fields it does not know (OnDemandThroughput, WarmThroughput), so they can always be sent.
            Assert.True(await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None));
            Assert.False(await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None));

            var fewer = table with { Indexes = [table.Indexes[0], table.Indexes[2] with { Projection = ProjectionKind.All }] };
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => TableProvisioner.EnsureTableAsync(client, fewer, CancellationToken.None));
            Assert.Contains("index 'byTotal' is local, key pk (S), sort total (N), projection KEYS_ONLY, but the suite declares local, key pk (S), sort total (N), projection ALL", ex.Message, StringComparison.Ordinal);
            Assert.Contains("index 'byMonth' (global, key gsi1pk (S), projection INCLUDE [total]) is not in the suite", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            await LocalTables.DeleteQuietlyAsync(client, table.Name);
        }
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> QueryAllAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, QueryRequest request)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await client.QueryAsync(request);
            items.AddRange(page.Items);
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);
        return items;
    }
}
