using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Model;
using LoadLab.IntegrationTests.Fixtures;
using static LoadLab.IntegrationTests.Capacity.PartiQL.PartiqlStatementTests;

namespace LoadLab.IntegrationTests.Capacity.PartiQL;

/// <summary>
/// BatchExecuteStatement (per-statement answers and errors) and ExecuteTransaction (the simulator's transactions:
/// all or nothing, reasons in statement order, 2× cost) through the real AWS SDK for .NET.
/// </summary>
[Collection("local-target")]
public sealed class PartiqlBatchAndTransactionTests(LocalTargetFixture fixture)
{
    [Fact]
    public async Task A_write_batch_answers_each_statement_in_order_with_its_own_error()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();
        await bed.Client.PutItemAsync(table, ProxyTestBed.Item("old", "1"));

        var result = await bed.Client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                new BatchStatementRequest { Statement = $"INSERT INTO \"{table}\" VALUE {{'pk': ?, 'sk': '1'}}", Parameters = [S("new")] },
                new BatchStatementRequest { Statement = $"INSERT INTO \"{table}\" VALUE {{'pk': 'old', 'sk': '1'}}" },
                new BatchStatementRequest { Statement = $"UPDATE \"{table}\" SET n = 1 WHERE pk = 'missing' AND sk = '1'" },
                new BatchStatementRequest { Statement = $"UPDATE \"{table}\" SET n = 2 WHERE pk = 'old' AND sk = '1'" },
                new BatchStatementRequest { Statement = $"DELETE \"{table}\" WHERE pk = 'old'" },
                new BatchStatementRequest { Statement = "INSERT INTO \"no_such_table_15\" VALUE {'pk': 'a'}" },
            ],
            ReturnConsumedCapacity = "TOTAL",
        });

        Assert.Equal([null, "DuplicateItem", "ConditionalCheckFailed", null, "ValidationError", "ResourceNotFound"], result.Responses.Select(r => r.Error?.Code?.Value));
        Assert.Equal("Duplicate primary key exists in table", result.Responses[1].Error.Message);
        Assert.StartsWith("Statement wasn't well formed", result.Responses[4].Error.Message, StringComparison.Ordinal);
        Assert.Equal(table, result.Responses[0].TableName);
        Assert.Equal(table, result.Responses[3].TableName);
        // Two writes of 1 unit, and the two failed conditions are charged as DynamoDB charges them (1 each).
        Assert.Equal(4, Assert.Single(result.ConsumedCapacity).CapacityUnits);
        var stored = await bed.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
        Assert.Equal(["new", "old"], stored.Items.Select(i => i["pk"].S).Order());
        Assert.Equal("2", stored.Items.Single(i => i["pk"].S == "old")["n"].N);
    }

    [Fact]
    public async Task A_read_batch_returns_items_refuses_partition_reads_and_throttles_per_statement()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();
        await bed.Client.PutItemAsync(table, ProxyTestBed.Item("a", "1", payloadBytes: 5000));
        await bed.Client.PutItemAsync(table, ProxyTestBed.Item("b", "1"));
        bed.Model.Refuse = c => c.ItemKey.StartsWith("S:b", StringComparison.Ordinal)
            ? new ThrottleCause("TableReadKeyRangeThroughputExceeded", ThrottleLimit.KeyRange, CapacityBillingMode.Provisioned, c.Table, null)
            : null;

        var result = await bed.Client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                new BatchStatementRequest { Statement = $"SELECT * FROM \"{table}\" WHERE pk = ? AND sk = '1'", Parameters = [S("a")], ConsistentRead = true },
                new BatchStatementRequest { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'gone' AND sk = '1'" },
                new BatchStatementRequest { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'b' AND sk = '1'" },
                new BatchStatementRequest { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'a'" },
            ],
            ReturnConsumedCapacity = "TOTAL",
        });
        var mixed = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => bed.Client.BatchExecuteStatementAsync(new BatchExecuteStatementRequest
        {
            Statements =
            [
                new BatchStatementRequest { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'a' AND sk = '1'" },
                new BatchStatementRequest { Statement = $"DELETE FROM \"{table}\" WHERE pk = 'a' AND sk = '1'" },
            ],
        }));

        Assert.Equal("a", result.Responses[0].Item["pk"].S);
        Assert.Null(result.Responses[0].Error);
        Assert.True(result.Responses[1].Item is null or { Count: 0 });
        Assert.Null(result.Responses[1].Error);
        Assert.Equal("ProvisionedThroughputExceeded", result.Responses[2].Error.Code.Value);
        Assert.Equal("ValidationError", result.Responses[3].Error.Code.Value);
        Assert.Equal("Where clause does not contain a mandatory equality on all key attributes", result.Responses[3].Error.Message);
        // 5 KB strongly consistent = 2, a missing item 0.5; the throttled one is not charged.
        Assert.Equal(2.5, Assert.Single(result.ConsumedCapacity).CapacityUnits);
        Assert.Equal("ValidationException", mixed.ErrorCode);
        Assert.Equal(1, bed.Proxy.RequestStatistics.PartiallyThrottledAttempts);
    }

    [Fact]
    public async Task A_write_transaction_commits_as_a_whole_at_twice_the_cost()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();
        await bed.Client.PutItemAsync(table, ProxyTestBed.Item("upd", "1"));
        await bed.Client.PutItemAsync(table, ProxyTestBed.Item("del", "1"));

        var result = await bed.Client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new ParameterizedStatement { Statement = $"INSERT INTO \"{table}\" VALUE {{'pk': ?, 'sk': '1'}}", Parameters = [S("new")] },
                new ParameterizedStatement { Statement = $"UPDATE \"{table}\" SET n = ? WHERE pk = 'upd' AND sk = '1'", Parameters = [N(3)] },
                new ParameterizedStatement { Statement = $"DELETE FROM \"{table}\" WHERE pk = 'del' AND sk = '1'" },
            ],
            ReturnConsumedCapacity = "TOTAL",
        });
        var read = await bed.Client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new ParameterizedStatement { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'new' AND sk = '1'" },
                new ParameterizedStatement { Statement = $"SELECT n FROM \"{table}\" WHERE pk = 'upd' AND sk = '1'" },
                new ParameterizedStatement { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'del' AND sk = '1'" },
            ],
            ReturnConsumedCapacity = "TOTAL",
        });

        Assert.Equal(6, Assert.Single(result.ConsumedCapacity).CapacityUnits); // three writes, 2 each
        Assert.Equal(3, result.Responses.Count);
        Assert.Equal("new", read.Responses[0].Item["pk"].S);
        Assert.Equal("3", read.Responses[1].Item["n"].N);
        Assert.True(read.Responses[2].Item is null or { Count: 0 });
        Assert.Equal(6, Assert.Single(read.ConsumedCapacity).CapacityUnits); // 2 per item, a missing one included
    }

    [Fact]
    public async Task A_failed_statement_cancels_the_transaction_with_reasons_in_statement_order()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();
        await bed.Client.PutItemAsync(table, ProxyTestBed.Item("taken", "1"));

        var ex = await Assert.ThrowsAsync<TransactionCanceledException>(() => bed.Client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new ParameterizedStatement { Statement = $"INSERT INTO \"{table}\" VALUE {{'pk': 'fresh', 'sk': '1'}}" },
                new ParameterizedStatement { Statement = $"INSERT INTO \"{table}\" VALUE {{'pk': 'taken', 'sk': '1'}}" },
                new ParameterizedStatement { Statement = $"UPDATE \"{table}\" SET n = 1 WHERE pk = 'missing' AND sk = '1'" },
            ],
        }));
        var mixed = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => bed.Client.ExecuteTransactionAsync(new ExecuteTransactionRequest
        {
            TransactStatements =
            [
                new ParameterizedStatement { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'taken' AND sk = '1'" },
                new ParameterizedStatement { Statement = $"DELETE FROM \"{table}\" WHERE pk = 'fresh' AND sk = '1'" },
            ],
        }));

        Assert.Equal(["None", "DuplicateItem", "ConditionalCheckFailed"], ex.CancellationReasons.Select(r => r.Code));
        Assert.Contains("[None, DuplicateItem, ConditionalCheckFailed]", ex.Message, StringComparison.Ordinal);
        Assert.Equal("ValidationException", mixed.ErrorCode);
        // Nothing of it stays: the INSERT that ran first was undone.
        var stored = await bed.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
        Assert.Equal(["taken"], stored.Items.Select(i => i["pk"].S));
    }
}
