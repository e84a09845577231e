using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity.Transactions;

/// <summary>
/// TransactWriteItems and TransactGetItems carried out by the simulator on top of dynalite (which has
/// neither), through the real AWS SDK for .NET: atomic commit, cancellation with reasons in action order
/// and nothing left behind, limits, idempotency, and concurrent transactions on one item.
/// </summary>
[Collection("local-target")]
public sealed class TransactionTests(LocalTargetFixture fixture)
{
    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task A_transaction_of_every_action_kind_commits_as_a_whole_and_costs_twice_its_writes(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync();
        await Put(bed, table, "upd", "1", n: 1);
        await Put(bed, table, "del", "1");
        await Put(bed, table, "chk", "1", n: 7);

        var result = await bed.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = table, Item = ProxyTestBed.Item("new", "1"), ConditionExpression = "attribute_not_exists(pk)" } },
                new TransactWriteItem { Update = new Update { TableName = table, Key = ProxyTestBed.Key("upd", "1"), UpdateExpression = "ADD n :one", ExpressionAttributeValues = new() { [":one"] = Number(1) } } },
                new TransactWriteItem { Delete = new Delete { TableName = table, Key = ProxyTestBed.Key("del", "1") } },
                new TransactWriteItem { ConditionCheck = new ConditionCheck { TableName = table, Key = ProxyTestBed.Key("chk", "1"), ConditionExpression = "n = :seven", ExpressionAttributeValues = new() { [":seven"] = Number(7) } } },
            ],
            ReturnConsumedCapacity = "TOTAL",
        });

        Assert.Equal(8, Assert.Single(result.ConsumedCapacity).CapacityUnits); // four actions, 2 each
        var read = await bed.Client.TransactGetItemsAsync(new TransactGetItemsRequest
        {
            TransactItems = [.. new[] { "new", "upd", "del", "chk" }.Select(pk => new TransactGetItem { Get = new Get { TableName = table, Key = ProxyTestBed.Key(pk, "1") } })],
            ReturnConsumedCapacity = "TOTAL",
        });
        Assert.Equal("new", read.Responses[0].Item["pk"].S);
        Assert.Equal("2", read.Responses[1].Item["n"].N);
        Assert.True(read.Responses[2].Item is null or { Count: 0 });
        Assert.Equal("7", read.Responses[3].Item["n"].N);
        Assert.Equal(8, Assert.Single(read.ConsumedCapacity).CapacityUnits); // 2 per item, a missing one included
        Assert.Equal(3, await CountAsync(bed, table));
    }

    [Fact]
    public async Task A_failed_condition_cancels_everything_with_reasons_in_action_order_and_the_item_when_asked()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();
        await Put(bed, table, "acct", "1", n: 5);

        var ex = await Assert.ThrowsAsync<TransactionCanceledException>(() => bed.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = table, Item = ProxyTestBed.Item("other", "1") } },
                new TransactWriteItem
                {
                    Update = new Update
                    {
                        TableName = table,
                        Key = ProxyTestBed.Key("acct", "1"),
                        UpdateExpression = "SET n = n - :ten",
                        ConditionExpression = "n >= :ten",
                        ExpressionAttributeValues = new() { [":ten"] = Number(10) },
                        ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                    },
                },
                new TransactWriteItem { Delete = new Delete { TableName = table, Key = ProxyTestBed.Key("missing", "1"), ConditionExpression = "attribute_exists(pk)" } },
            ],
        }));

        Assert.Equal(["None", "ConditionalCheckFailed", "ConditionalCheckFailed"], ex.CancellationReasons.Select(r => r.Code));
        Assert.Equal("5", ex.CancellationReasons[1].Item["n"].N);
        Assert.True(ex.CancellationReasons[2].Item is null or { Count: 0 });
        Assert.Contains("[None, ConditionalCheckFailed, ConditionalCheckFailed]", ex.Message, StringComparison.Ordinal);
        // Nothing of it stays: the Put that ran first was undone.
        Assert.Equal(1, await CountAsync(bed, table));
        var account = await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("acct", "1"), ConsistentRead = true });
        Assert.Equal("5", account.Item["n"].N);
    }

    [Fact]
    public async Task Limits_are_DynamoDBs_one_action_per_item_and_at_most_100_actions()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();

        var twice = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => bed.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = table, Item = ProxyTestBed.Item("a", "1") } },
                new TransactWriteItem { Delete = new Delete { TableName = table, Key = ProxyTestBed.Key("a", "1") } },
            ],
        }));
        var tooMany = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => bed.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [.. Enumerable.Range(0, 101).Select(i => new TransactWriteItem { Put = new Put { TableName = table, Item = ProxyTestBed.Item("p" + i, "1") } })],
        }));
        var hundred = await bed.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [.. Enumerable.Range(0, 100).Select(i => new TransactWriteItem { Put = new Put { TableName = table, Item = ProxyTestBed.Item("p" + i, "1") } })],
        });

        Assert.Equal("ValidationException", twice.ErrorCode);
        Assert.Equal("Transaction request cannot include multiple operations on one item", twice.Message);
        Assert.Equal("ValidationException", tooMany.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, hundred.HttpStatusCode);
        Assert.Equal(100, await CountAsync(bed, table));
    }

    [Fact]
    public async Task A_ClientRequestToken_makes_a_retry_answer_without_writing_again_and_refuses_other_parameters()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();
        await Put(bed, table, "c", "1", n: 0);
        TransactWriteItemsRequest Increment(int by) => new()
        {
            ClientRequestToken = "token-15",
            TransactItems = [new TransactWriteItem { Update = new Update { TableName = table, Key = ProxyTestBed.Key("c", "1"), UpdateExpression = "ADD n :by", ExpressionAttributeValues = new() { [":by"] = Number(by) } } }],
            ReturnConsumedCapacity = "TOTAL",
        };

        var first = await bed.Client.TransactWriteItemsAsync(Increment(1));
        var again = await bed.Client.TransactWriteItemsAsync(Increment(1));
        var other = await Assert.ThrowsAsync<IdempotentParameterMismatchException>(() => bed.Client.TransactWriteItemsAsync(Increment(2)));

        var item = await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("c", "1"), ConsistentRead = true });
        Assert.Equal("1", item.Item["n"].N);
        Assert.Equal(2, Assert.Single(first.ConsumedCapacity).WriteCapacityUnits);
        Assert.Equal(2, Assert.Single(again.ConsumedCapacity).ReadCapacityUnits); // the replay reads, it does not write
        Assert.NotNull(other);
    }

    [Fact]
    public async Task Concurrent_transactions_on_one_item_each_commit_whole_or_are_cancelled_with_TransactionConflict()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();
        await Put(bed, table, "hot", "1", n: 0);
        const int PerWriter = 25;

        async Task<(int Committed, int Conflicts)> Writer(string name)
        {
            int committed = 0, conflicts = 0;
            for (int i = 0; i < PerWriter; i++)
            {
                try
                {
                    await bed.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
                    {
                        TransactItems =
                        [
                            new TransactWriteItem { Update = new Update { TableName = table, Key = ProxyTestBed.Key("hot", "1"), UpdateExpression = "ADD n :one", ExpressionAttributeValues = new() { [":one"] = Number(1) } } },
                            new TransactWriteItem { Put = new Put { TableName = table, Item = ProxyTestBed.Item(name, i.ToString(System.Globalization.CultureInfo.InvariantCulture)) } },
                        ],
                    });
                    committed++;
                }
                catch (TransactionCanceledException ex)
                {
                    Assert.Equal("TransactionConflict", ex.CancellationReasons[0].Code);
                    Assert.Equal("None", ex.CancellationReasons[1].Code);
                    conflicts++;
                }
            }

            return (committed, conflicts);
        }

        var results = await Task.WhenAll(Writer("w1"), Writer("w2"), Writer("w3"));

        int committed = results.Sum(r => r.Committed);
        var hot = await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("hot", "1"), ConsistentRead = true });
        // Every committed transaction added one and wrote its own item; no cancelled one left anything.
        Assert.Equal(committed.ToString(System.Globalization.CultureInfo.InvariantCulture), hot.Item["n"].N);
        Assert.Equal(committed + 1, await CountAsync(bed, table));
        Assert.Equal(3 * PerWriter, committed + results.Sum(r => r.Conflicts));
    }

    private static AttributeValue Number(int n) => new() { N = n.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static async Task Put(ProxyTestBed bed, string table, string pk, string sk, int? n = null)
    {
        var item = ProxyTestBed.Item(pk, sk);
        if (n is { } value)
            item["n"] = Number(value);
        await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });
    }

    private static async Task<int> CountAsync(ProxyTestBed bed, string table) =>
        (await bed.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true, Select = Select.COUNT })).Count ?? 0;
}
