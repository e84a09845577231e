using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using static LoadLab.UnitTests.DynamoDb.Driver.DriverTestKit;

namespace LoadLab.UnitTests.DynamoDb.Driver;

// Requests of the single-item operations, as they reach the wire through the real SDK.
public sealed class ItemOperationRequestTests
{
    private static FakeDynamoDbHttp Answer(string json = """{"ConsumedCapacity":{"TableName":"Customers","CapacityUnits":1.0}}""") =>
        new(_ => FakeDynamoDbHttp.Json(json));

    [Fact]
    public async Task Get_by_default_sends_neither_consistency_nor_projection()
    {
        var http = Answer();

        await Executor(http, Op("get")).Run();

        var body = Assert.Single(http.Requests).Body;
        Assert.Null(body.Text("ConsistentRead"));
        Assert.Null(body.Text("ProjectionExpression"));
        Assert.Null(body.Text("ExpressionAttributeNames"));
    }

    [Fact]
    public async Task Get_can_read_consistently_and_project_through_name_placeholders()
    {
        var http = Answer();
        var executor = Executor(http, Op("get", new OperationOptions { ConsistentRead = true, Projection = ["name", "email"] }));

        var outcome = await executor.Run();

        var body = Assert.Single(http.Requests).Body;
        Assert.Equal("True", body.Text("ConsistentRead"));
        // 'name' is a reserved word: only a placeholder gets it past DynamoDB's parser.
        Assert.Equal("name, email", body.Resolved("ProjectionExpression"));
        Assert.DoesNotContain("name", body.GetProperty("ProjectionExpression").GetString()!, StringComparison.Ordinal);
        Assert.Equal(new OperationOutcome(OutcomeKind.Ok, ReadUnits: 1.0), outcome);
    }

    [Fact]
    public async Task Put_new_inserts_after_the_seeded_items_under_attribute_not_exists()
    {
        var http = Answer();
        var executor = Executor(http, Op("put", new OperationOptions { NewItems = true }));

        await executor.Run(0);
        await executor.Run(1);

        var bodies = http.Requests.Select(r => r.Body).ToList();
        Assert.True(executor.NewItemsStart >= DataSet.Items);
        Assert.Equal(CustomerModel.Instance.KeyOf(executor.NewItemsStart, Table)["pk"].S, bodies[0].GetProperty("Item").GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal(CustomerModel.Instance.KeyOf(executor.NewItemsStart + 1, Table)["pk"].S, bodies[1].GetProperty("Item").GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal("attribute_not_exists(pk)", bodies[0].Resolved("ConditionExpression"));
        Assert.Equal(executor.NewItemsStart + 1, executor.NewestIndex);
    }

    [Fact]
    public async Task Put_with_a_condition_and_new_needs_both()
    {
        var http = Answer();
        var options = new OperationOptions
        {
            NewItems = true,
            Condition = "#tier <> :tier",
            Values = new Dictionary<string, ExpressionValue> { [":tier"] = ExpressionValue.String("gold") },
        };

        await Executor(http, Op("put", options)).Run();

        var body = Assert.Single(http.Requests).Body;
        Assert.Equal("(tier <> :tier) AND (attribute_not_exists(pk))", body.Resolved("ConditionExpression"));
        Assert.Equal("gold", body.GetProperty("ExpressionAttributeValues").GetProperty(":tier").GetProperty("S").GetString());
    }

    [Fact]
    public async Task Update_sets_and_adds_in_one_expression_with_typed_values()
    {
        var http = Answer();
        var options = new OperationOptions
        {
            Add = [new AttributeAssignment("visits", ExpressionValue.Number("1"))],
            Set = [new AttributeAssignment("tier", ExpressionValue.String("gold")), new AttributeAssignment("active", ExpressionValue.Boolean(true))],
            Condition = "attribute_exists(pk)",
        };

        var outcome = await Executor(http, Op("update", options)).Run(3);

        var request = Assert.Single(http.Requests);
        Assert.Equal("UpdateItem", request.Operation);
        Assert.Equal("SET tier = :ll0, active = :ll1 ADD visits :ll2", request.Body.Resolved("UpdateExpression"));
        var values = request.Body.GetProperty("ExpressionAttributeValues");
        Assert.Equal("gold", values.GetProperty(":ll0").GetProperty("S").GetString());
        Assert.True(values.GetProperty(":ll1").GetProperty("BOOL").GetBoolean());
        Assert.Equal("1", values.GetProperty(":ll2").GetProperty("N").GetString());
        Assert.Equal("attribute_exists(pk)", request.Body.Resolved("ConditionExpression"));
        Assert.Equal(1.0, outcome.WriteUnits);
    }

    [Fact]
    public async Task Update_without_set_or_add_increments_the_version()
    {
        var http = Answer();

        await Executor(http, Op("update")).Run();

        var body = Assert.Single(http.Requests).Body;
        Assert.Equal("ADD version :ll0", body.Resolved("UpdateExpression"));
        Assert.Null(body.Text("ConditionExpression"));
    }

    [Fact]
    public async Task Delete_sends_the_drawn_key_and_its_condition()
    {
        var http = Answer();
        var executor = Executor(http, Op("delete", new OperationOptions { Condition = "attribute_exists(pk)" }));

        var outcome = await executor.Run(5);

        var request = Assert.Single(http.Requests);
        Assert.Equal("DeleteItem", request.Operation);
        Assert.Equal(CustomerModel.Instance.KeyOf(executor.IndexOf(5), Table)["pk"].S, request.Body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString());
        Assert.Equal("attribute_exists(pk)", request.Body.Resolved("ConditionExpression"));
        Assert.Equal(1.0, outcome.WriteUnits);
    }

    [Fact]
    public async Task A_false_condition_is_ConditionFailed_not_an_error()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Error("ConditionalCheckFailedException"));

        var outcome = await Executor(http, Op("update", new OperationOptions { Condition = "attribute_exists(pk)" })).Run();

        Assert.Equal(OutcomeKind.ConditionFailed, outcome.Kind);
        Assert.False(outcome.Kind.IsError());
    }
}
