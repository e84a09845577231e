using System.Text;
using System.Text.Json;
using LoadLab.Capacity.Proxy.PartiQL;
using LoadLab.Capacity.Proxy.Tables;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.UnitTests.Capacity.Proxy.PartiQL;

public sealed class StatementTranslatorTests
{
    private static readonly TableInfo Table = new("orders", "pk", "sk", [new IndexInfo("byStatus", true, "status", "created", ProjectionKind.All, [], 0)]);
    private static readonly TableInfo HashOnly = new("users", "id", null, []);

    [Fact]
    public void Select_on_the_full_key_is_a_GetItem_with_projection_and_consistency()
    {
        var t = Translate("SELECT a, status FROM orders WHERE sk = 'x' AND pk = ?", """[{"S":"p1"}]""", Table, new StatementOptions(ConsistentRead: true, ReturnConsumedCapacity: "TOTAL"));
        Assert.Equal(DynamoOperation.GetItem, t.Operation);
        Assert.True(t.IsRead);
        Assert.True(t.IsSingleItemRead);
        AssertJson("""{"TableName":"orders","Key":{"pk":{"S":"p1"},"sk":{"S":"x"}},"ProjectionExpression":"#n0, #n1","ExpressionAttributeNames":{"#n0":"a","#n1":"status"},"ConsistentRead":true,"ReturnConsumedCapacity":"TOTAL"}""", t);
    }

    [Fact]
    public void Select_on_a_hash_only_table_by_its_key_is_a_GetItem()
    {
        var t = Translate("SELECT * FROM users WHERE id = 7", "[]", HashOnly);
        Assert.Equal(DynamoOperation.GetItem, t.Operation);
        AssertJson("""{"TableName":"users","Key":{"id":{"N":"7"}}}""", t);
    }

    [Theory]
    [InlineData("SELECT * FROM orders WHERE pk = ?", "#n0 = :v0", """{":v0":{"S":"p"}}""")]
    [InlineData("SELECT * FROM orders WHERE pk = ? AND begins_with(sk, 'ord#')", "#n0 = :v0 AND begins_with(#n1, :v1)", """{":v0":{"S":"p"},":v1":{"S":"ord#"}}""")]
    [InlineData("SELECT * FROM orders WHERE pk = ? AND sk BETWEEN 'a' AND 'm'", "#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2", """{":v0":{"S":"p"},":v1":{"S":"a"},":v2":{"S":"m"}}""")]
    [InlineData("SELECT * FROM orders WHERE pk = ? AND sk > 'a'", "#n0 = :v0 AND #n1 > :v1", """{":v0":{"S":"p"},":v1":{"S":"a"}}""")]
    public void Select_with_partition_equality_and_a_range_is_a_Query(string text, string keyCondition, string values)
    {
        var t = Translate(text, """[{"S":"p"}]""", Table, new StatementOptions(Limit: 5));
        Assert.Equal(DynamoOperation.Query, t.Operation);
        Assert.False(t.IsSingleItemRead);
        using var body = JsonDocument.Parse(t.Body);
        Assert.Equal(keyCondition, body.RootElement.GetProperty("KeyConditionExpression").GetString());
        Assert.Equal(JsonNode(values), JsonNode(body.RootElement.GetProperty("ExpressionAttributeValues").GetRawText()));
        Assert.Equal(5, body.RootElement.GetProperty("Limit").GetInt32());
    }

    [Fact]
    public void Select_on_an_index_is_always_a_Query_on_the_index_keys_with_the_start_key()
    {
        using var start = JsonDocument.Parse("""{"pk":{"S":"a"},"sk":{"S":"b"},"status":{"S":"open"},"created":{"N":"3"}}""");
        var t = Translate("SELECT * FROM \"orders\".\"byStatus\" WHERE status = ? AND created = 3", """[{"S":"open"}]""", Table, new StatementOptions(ExclusiveStartKey: start.RootElement));
        Assert.Equal(DynamoOperation.Query, t.Operation);
        AssertJson("""{"TableName":"orders","IndexName":"byStatus","KeyConditionExpression":"#n0 = :v0 AND #n1 = :v1","ExpressionAttributeValues":{":v0":{"S":"open"},":v1":{"N":"3"}},"ExclusiveStartKey":{"pk":{"S":"a"},"sk":{"S":"b"},"status":{"S":"open"},"created":{"N":"3"}},"ExpressionAttributeNames":{"#n0":"status","#n1":"created"}}""", t);
    }

    [Fact]
    public void Insert_is_a_PutItem_that_fails_when_the_item_exists()
    {
        var t = Translate("INSERT INTO orders VALUE {'pk': ?, 'sk': 'a', 'n': +5, 'ok': false, 'gone': NULL, 'tags': ?}", """[{"S":"p"},{"SS":["x"]}]""", Table, new StatementOptions(ReturnValuesOnConditionCheckFailure: "ALL_OLD"));
        Assert.Equal(DynamoOperation.PutItem, t.Operation);
        Assert.True(t.IsInsert);
        AssertJson("""{"TableName":"orders","Item":{"pk":{"S":"p"},"sk":{"S":"a"},"n":{"N":"5"},"ok":{"BOOL":false},"gone":{"NULL":true},"tags":{"SS":["x"]}},"ConditionExpression":"attribute_not_exists(#n0)","ExpressionAttributeNames":{"#n0":"pk"},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}""", t);
    }

    [Fact]
    public void Update_is_an_UpdateItem_on_an_existing_item_with_the_other_conditions()
    {
        var t = Translate("UPDATE orders SET status = ?, n = 2 REMOVE note WHERE pk = ? AND sk = ? AND version = 3", """[{"S":"done"},{"S":"p"},{"S":"s"}]""", Table);
        Assert.Equal(DynamoOperation.UpdateItem, t.Operation);
        Assert.False(t.IsInsert);
        AssertJson("""{"TableName":"orders","Key":{"pk":{"S":"p"},"sk":{"S":"s"}},"UpdateExpression":"SET #n0 = :v0, #n1 = :v1 REMOVE #n2","ConditionExpression":"attribute_exists(#n3) AND #n4 = :v2","ExpressionAttributeNames":{"#n0":"status","#n1":"n","#n2":"note","#n3":"pk","#n4":"version"},"ExpressionAttributeValues":{":v0":{"S":"done"},":v1":{"N":"2"},":v2":{"N":"3"}}}""", t);
    }

    [Fact]
    public void Delete_is_a_DeleteItem_whose_other_conditions_hold_only_for_an_existing_item()
    {
        var plain = Translate("DELETE FROM orders WHERE pk = ? AND sk = ?", """[{"S":"p"},{"S":"s"}]""", Table);
        AssertJson("""{"TableName":"orders","Key":{"pk":{"S":"p"},"sk":{"S":"s"}}}""", plain);
        var conditional = Translate("DELETE FROM orders WHERE pk = ? AND sk = ? AND begins_with(state, 'x')", """[{"S":"p"},{"S":"s"}]""", Table);
        AssertJson("""{"TableName":"orders","Key":{"pk":{"S":"p"},"sk":{"S":"s"}},"ConditionExpression":"attribute_not_exists(#n0) OR (begins_with(#n1, :v0))","ExpressionAttributeNames":{"#n0":"pk","#n1":"state"},"ExpressionAttributeValues":{":v0":{"S":"x"}}}""", conditional);
    }

    [Theory]
    [InlineData("UPDATE orders SET a = 1 WHERE pk = ?", """[{"S":"p"}]""", "Where clause does not contain a mandatory equality on all key attributes")]
    [InlineData("DELETE FROM orders WHERE pk = ? AND sk > ?", """[{"S":"p"},{"S":"s"}]""", "Where clause does not contain a mandatory equality on all key attributes")]
    [InlineData("SELECT * FROM orders WHERE pk = ?", "[]", "Number of parameters in request and statement don't match.")]
    [InlineData("SELECT * FROM orders WHERE pk = 'a'", """[{"S":"p"}]""", "Number of parameters in request and statement don't match.")]
    [InlineData("SELECT * FROM orders.nope WHERE pk = ?", """[{"S":"p"}]""", "The table does not have the specified index: nope")]
    [InlineData("SELECT * FROM orders WHERE sk = ?", """[{"S":"p"}]""", "does not support a SELECT without equality on the partition key 'pk' (a scan)")]
    [InlineData("SELECT * FROM orders", "[]", "does not support a SELECT without equality on the partition key 'pk' (a scan)")]
    [InlineData("SELECT * FROM orders WHERE pk = ? AND n = 1", """[{"S":"p"}]""", "does not support a SELECT whose WHERE holds more than key conditions ('n')")]
    [InlineData("SELECT * FROM orders WHERE pk = ? AND sk > 'a' AND sk < 'z'", """[{"S":"p"}]""", "more than key conditions ('sk')")]
    [InlineData("SELECT * FROM orders WHERE pk = ? AND sk <> 'a'", """[{"S":"p"}]""", "more than key conditions ('sk')")]
    public void Statements_that_do_not_fit_the_table_or_parameters_are_refused(string text, string parameters, string message)
    {
        var ex = Assert.Throws<PartiqlException>(() => Translate(text, parameters, Table));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_tokens_round_trip_and_garbage_is_refused()
    {
        using var key = JsonDocument.Parse("""{"pk":{"S":"a"},"sk":{"S":"b"}}""");
        using var back = NextTokens.Decode(NextTokens.Encode(key.RootElement));
        Assert.Equal(key.RootElement.GetRawText(), back.RootElement.GetRawText());
        Assert.Throws<PartiqlException>(() => NextTokens.Decode("not base64!"));
        Assert.Throws<PartiqlException>(() => NextTokens.Decode(Convert.ToBase64String("[1]"u8.ToArray())));
    }

    private static TranslatedStatement Translate(string text, string parameters, TableInfo table, StatementOptions? options = null)
    {
        using var document = JsonDocument.Parse(parameters);
        return StatementTranslator.Translate(Parser.Parse(text), document.RootElement.Clone(), table, options ?? new StatementOptions());
    }

    private static void AssertJson(string expected, TranslatedStatement actual) =>
        Assert.Equal(JsonNode(expected), JsonNode(Encoding.UTF8.GetString(actual.Body)));

    private static string JsonNode(string json) => System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString();
}
