using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Model;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity.PartiQL;

/// <summary>
/// ExecuteStatement carried out by the simulator on top of dynalite (which has no PartiQL), through the real AWS SDK
/// for .NET: every supported statement form does what DynamoDB does, and costs exactly what its equivalent GetItem,
/// Query, PutItem, UpdateItem or DeleteItem costs.
/// </summary>
[Collection("local-target")]
public sealed class PartiqlStatementTests(LocalTargetFixture fixture)
{
    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task Insert_select_update_and_delete_do_what_DynamoDB_does(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync();

        await Execute(bed, $"INSERT INTO \"{table}\" VALUE {{'pk': ?, 'sk': 'a', 'n': 5, 'note': 'x'}}", S("p1"));
        var duplicate = await Assert.ThrowsAsync<DuplicateItemException>(() => Execute(bed, $"INSERT INTO \"{table}\" VALUE {{'pk': ?, 'sk': 'a'}}", S("p1")));
        var read = await Execute(bed, $"SELECT * FROM \"{table}\" WHERE pk = ? AND sk = ?", S("p1"), S("a"));
        var projected = await Execute(bed, $"SELECT n, pk FROM \"{table}\" WHERE pk = ? AND sk = 'a'", S("p1"));
        var none = await Execute(bed, $"SELECT * FROM \"{table}\" WHERE pk = ? AND sk = 'zz'", S("p1"));

        await Execute(bed, $"UPDATE \"{table}\" SET n = ?, status = 'done' REMOVE note WHERE pk = ? AND sk = 'a'", N(6), S("p1"));
        var missing = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Execute(bed, $"UPDATE \"{table}\" SET n = 1 WHERE pk = 'nobody' AND sk = 'a'"));
        var stale = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Execute(bed, $"UPDATE \"{table}\" SET n = 1 WHERE pk = 'p1' AND sk = 'a' AND n = 5"));
        var updated = await Execute(bed, $"SELECT * FROM \"{table}\" WHERE pk = 'p1' AND sk = 'a'");

        await Execute(bed, $"DELETE FROM \"{table}\" WHERE pk = 'nobody' AND sk = 'a'"); // a missing item is no failure
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => Execute(bed, $"DELETE FROM \"{table}\" WHERE pk = 'p1' AND sk = 'a' AND n = 5"));
        var deleted = await Execute(bed, $"DELETE FROM \"{table}\" WHERE pk = 'p1' AND sk = 'a' AND n = 6");
        var gone = await Execute(bed, $"SELECT * FROM \"{table}\" WHERE pk = 'p1' AND sk = 'a'");

        Assert.Equal("Duplicate primary key exists in table", duplicate.Message);
        Assert.Equal("5", Assert.Single(read.Items)["n"].N);
        Assert.Equal(["n", "pk"], Assert.Single(projected.Items).Keys.Order());
        Assert.Empty(none.Items);
        Assert.Equal("The conditional request failed", missing.Message);
        Assert.NotNull(stale);
        var after = Assert.Single(updated.Items);
        Assert.Equal("6", after["n"].N);
        Assert.Equal("done", after["status"].S);
        Assert.False(after.ContainsKey("note"));
        Assert.Empty(deleted.Items);
        Assert.Empty(gone.Items);
        Assert.Equal(0, (await bed.Client.ScanAsync(new ScanRequest { TableName = table })).Count);
    }

    [Fact]
    public async Task Select_queries_a_partition_by_range_and_prefix_and_pages_with_NextToken()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync(withIndex: true);
        foreach (string sk in new[] { "a1", "a2", "b1", "b2", "c1" })
            await bed.Client.PutItemAsync(table, ProxyTestBed.Item("p", sk, status: sk[..1]));

        var all = await Execute(bed, $"SELECT * FROM \"{table}\" WHERE pk = ?", S("p"));
        var prefix = await Execute(bed, $"SELECT sk FROM \"{table}\" WHERE pk = ? AND begins_with(sk, ?)", S("p"), S("b"));
        var between = await Execute(bed, $"SELECT * FROM \"{table}\" WHERE pk = 'p' AND sk BETWEEN 'a2' AND 'b2'");
        var above = await Execute(bed, $"SELECT * FROM \"{table}\" WHERE pk = 'p' AND sk > 'b1'");
        var index = await Execute(bed, $"SELECT * FROM \"{table}\".\"byStatus\" WHERE status = 'a'");

        var pages = new List<List<string>>();
        string? token = null;
        do
        {
            var page = await bed.Client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \"{table}\" WHERE pk = 'p'", Limit = 2, NextToken = token });
            pages.Add(page.Items.Select(i => i["sk"].S).ToList());
            token = page.NextToken;
        }
        while (token is not null);

        Assert.Equal(["a1", "a2", "b1", "b2", "c1"], all.Items.Select(i => i["sk"].S));
        Assert.Equal(["b1", "b2"], prefix.Items.Select(i => i["sk"].S));
        Assert.All(prefix.Items, i => Assert.Equal(["sk"], i.Keys));
        Assert.Equal(["a2", "b1", "b2"], between.Items.Select(i => i["sk"].S));
        Assert.Equal(["b2", "c1"], above.Items.Select(i => i["sk"].S));
        Assert.Equal(["a1", "a2"], index.Items.Select(i => i["sk"].S).Order());
        Assert.Equal([["a1", "a2"], ["b1", "b2"], ["c1"]], pages.Where(p => p.Count > 0));
    }

    [Fact]
    public async Task Each_form_costs_what_its_equivalent_operation_costs()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync(withIndex: true);
        foreach (string pk in new[] { "q", "n" })
        {
            foreach (string sk in new[] { "1", "2", "3" })
                await bed.Client.PutItemAsync(table, ProxyTestBed.Item(pk, sk, payloadBytes: 3000, status: "s" + sk));
        }

        var pairs = new (string Statement, Func<Task<AmazonWebServiceResponseWithCapacity>> Native)[]
        {
            ($"SELECT * FROM \"{table}\" WHERE pk = 'q' AND sk = '1'", async () => Of((await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("n", "1"), ReturnConsumedCapacity = "INDEXES" })).ConsumedCapacity)),
            ($"SELECT * FROM \"{table}\" WHERE pk = 'q'", async () => Of((await bed.Client.QueryAsync(new QueryRequest { TableName = table, KeyConditionExpression = "pk = :p", ExpressionAttributeValues = new() { [":p"] = S("n") }, ReturnConsumedCapacity = "INDEXES" })).ConsumedCapacity)),
            ($"SELECT * FROM \"{table}\".\"byStatus\" WHERE status = 's2'", async () => Of((await bed.Client.QueryAsync(new QueryRequest { TableName = table, IndexName = "byStatus", KeyConditionExpression = "#s = :s", ExpressionAttributeNames = new() { ["#s"] = "status" }, ExpressionAttributeValues = new() { [":s"] = S("s2") }, ReturnConsumedCapacity = "INDEXES" })).ConsumedCapacity)),
            ($"INSERT INTO \"{table}\" VALUE {{'pk': 'q', 'sk': '9', 'status': 'x', 'payload': '{new string('y', 2500)}'}}", async () => Of((await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = new() { ["pk"] = S("n"), ["sk"] = S("9"), ["status"] = S("x"), ["payload"] = S(new string('y', 2500)) }, ReturnConsumedCapacity = "INDEXES" })).ConsumedCapacity)),
            ($"UPDATE \"{table}\" SET status = 'moved' WHERE pk = 'q' AND sk = '2'", async () => Of((await bed.Client.UpdateItemAsync(new UpdateItemRequest { TableName = table, Key = ProxyTestBed.Key("n", "2"), UpdateExpression = "SET #s = :s", ExpressionAttributeNames = new() { ["#s"] = "status" }, ExpressionAttributeValues = new() { [":s"] = S("moved") }, ReturnConsumedCapacity = "INDEXES" })).ConsumedCapacity)),
            ($"DELETE FROM \"{table}\" WHERE pk = 'q' AND sk = '3'", async () => Of((await bed.Client.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = ProxyTestBed.Key("n", "3"), ReturnConsumedCapacity = "INDEXES" })).ConsumedCapacity)),
        };

        foreach (var (statement, native) in pairs)
        {
            bed.Model.ClearSettled();
            var partiql = await bed.Client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, ReturnConsumedCapacity = "INDEXES" });
            var partiqlCharges = Units(bed.Model.SettledCharges);
            bed.Model.ClearSettled();
            var expected = await native();
            var nativeCharges = Units(bed.Model.SettledCharges);

            Assert.True(partiql.ConsumedCapacity.CapacityUnits > 0, statement);
            Assert.Equal(Describe(expected.Capacity), Describe(partiql.ConsumedCapacity));
            Assert.Equal(nativeCharges, partiqlCharges);
        }
    }

    [Fact]
    public async Task A_refused_statement_is_throttled_like_its_operation_and_writes_nothing()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();
        bed.Model.Refuse = ScriptedCapacityModel.RefuseWrites(ThrottleLimit.KeyRange, CapacityBillingMode.Provisioned, "KeyRangeThroughputExceeded");

        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => Execute(bed, $"INSERT INTO \"{table}\" VALUE {{'pk': 'a', 'sk': 'b'}}"));

        bed.Model.Refuse = _ => null;
        Assert.Empty((await Execute(bed, $"SELECT * FROM \"{table}\" WHERE pk = 'a' AND sk = 'b'")).Items);
    }

    [Fact]
    public async Task Unsupported_and_malformed_statements_get_a_ValidationException_that_says_what_is_supported()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();

        var scan = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Execute(bed, $"SELECT * FROM \"{table}\""));
        var malformed = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Execute(bed, $"SELEC * FROM \"{table}\""));
        var parameters = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Execute(bed, $"SELECT * FROM \"{table}\" WHERE pk = ? AND sk = ?", S("a")));
        var keyType = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => Execute(bed, $"SELECT * FROM \"{table}\" WHERE pk = 1 AND sk = 'a'"));
        var noTable = await Assert.ThrowsAsync<ResourceNotFoundException>(() => Execute(bed, "SELECT * FROM \"no_such_table_15\" WHERE pk = 'a'"));

        Assert.Equal("ValidationException", scan.ErrorCode);
        Assert.Contains("Supported forms: SELECT", scan.Message, StringComparison.Ordinal);
        Assert.StartsWith("Statement wasn't well formed, can't be processed", malformed.Message, StringComparison.Ordinal);
        Assert.Equal("Number of parameters in request and statement don't match.", parameters.Message);
        Assert.Equal("ValidationException", keyType.ErrorCode); // the emulator's GetItem judged it
        Assert.NotNull(noTable);
    }

    internal static Task<ExecuteStatementResponse> Execute(ProxyTestBed bed, string statement, params AttributeValue[] parameters) =>
        bed.Client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = statement, Parameters = parameters.Length == 0 ? null : [.. parameters] });

    internal static AttributeValue S(string value) => new() { S = value };

    internal static AttributeValue N(int value) => new() { N = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static AmazonWebServiceResponseWithCapacity Of(ConsumedCapacity capacity) => new(capacity);

    private static string Describe(ConsumedCapacity c) =>
        $"{c.CapacityUnits}|{c.Table?.CapacityUnits}|{string.Join(",", (c.GlobalSecondaryIndexes ?? []).OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value.CapacityUnits}"))}";

    private static List<string> Units(IReadOnlyList<Charge> charges) =>
        [.. charges.Select(c => $"{c.Index}:{c.Dimension}:{c.Units}").Order()];

    private sealed record AmazonWebServiceResponseWithCapacity(ConsumedCapacity Capacity);
}
