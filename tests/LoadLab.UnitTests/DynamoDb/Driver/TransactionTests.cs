using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Driver;
using static LoadLab.UnitTests.DynamoDb.Driver.DriverTestKit;

namespace LoadLab.UnitTests.DynamoDb.Driver;

// Transactions, and targets without them (dynalite without the simulator): a warning before the run, a clear client error during it.
public sealed class TransactionTests
{
    private static readonly DriverOptions OnDynalite = NoBackoff with { Target = TargetCapabilities.Dynalite };

    [Fact]
    public void A_target_without_transactions_is_reported_at_construction()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));
        var scenario = Scenario(Op("get"), Op("transactWrite"), Op("transactGet"));

        var executor = new DynamoDbOperationExecutor(http.CreateClient(), scenario, Table, DataSet, LoadLab.DynamoDb.Data.CustomerModel.Instance, 1, null, OnDynalite);

        Assert.Equal(2, executor.Warnings.Count);
        Assert.Contains("Scenario 'browse': transactWrite is not supported by dynalite (the local target)", executor.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("NotSupportedByTarget", executor.Warnings[0], StringComparison.Ordinal);
        Assert.Equal(executor.Warnings, TargetSupport.Warnings(scenario, TargetCapabilities.Dynalite));
        Assert.Empty(TargetSupport.Warnings(scenario, TargetCapabilities.DynamoDb));
        Assert.Empty(TargetSupport.Warnings(scenario, TargetCapabilities.LocalTarget)); // the simulator carries them out
    }

    [Fact]
    public async Task An_unsupported_operation_is_a_client_error_without_a_request()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));

        var outcome = await Executor(http, Op("transactWrite"), OnDynalite).Run();

        Assert.Equal(0, http.Calls);
        Assert.Equal(OutcomeKind.ClientError, outcome.Kind);
        Assert.Equal(TargetSupport.NotSupportedReason, outcome.Reason);
    }

    [Fact]
    public async Task A_target_that_answers_UnknownOperation_is_reported_as_not_supported()
    {
        // What dynalite answers when the capabilities were not given (an --endpoint of unknown kind).
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Error("UnknownOperationException"));

        var outcome = await Executor(http, Op("transactGet")).Run();

        Assert.Equal(new OperationOutcome(OutcomeKind.ClientError, 1, 0, 0, 0, TargetSupport.NotSupportedReason), outcome);
    }

    [Fact]
    public async Task TransactWrite_puts_distinct_items_under_the_condition()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json($$"""{"ConsumedCapacity":[{{Consumed(8)}}]}"""));
        var options = new OperationOptions { BatchSize = 3, Condition = "attribute_exists(pk)" };

        var outcome = await Executor(http, Op("transactWrite", options)).Run(1);

        var request = Assert.Single(http.Requests);
        Assert.Equal("TransactWriteItems", request.Operation);
        var items = request.Body.GetProperty("TransactItems").EnumerateArray().Select(i => i.GetProperty("Put")).ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal(3, items.Select(p => p.GetProperty("Item").GetProperty("pk").GetProperty("S").GetString()).Distinct(StringComparer.Ordinal).Count());
        Assert.All(items, p => Assert.Equal("attribute_exists(pk)", p.GetProperty("ConditionExpression").GetString()));
        Assert.Equal(8.0, outcome.WriteUnits);
    }

    [Fact]
    public async Task A_transaction_cancelled_by_its_condition_is_ConditionFailed()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Error("TransactionCanceledException",
            """ "CancellationReasons":[{"Code":"None"},{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"}]"""));

        var outcome = await Executor(http, Op("transactWrite", new OperationOptions { BatchSize = 2 })).Run();

        Assert.Equal(OutcomeKind.ConditionFailed, outcome.Kind);
    }

    [Fact]
    public async Task TransactGet_counts_the_items_found()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json(
            """{"Responses":[{"Item":{"pk":{"S":"a"}}},{},{"Item":{"pk":{"S":"c"}}}],"ConsumedCapacity":[""" + Consumed(6) + "]}"));

        var outcome = await Executor(http, Op("transactGet", new OperationOptions { BatchSize = 3, Projection = ["email"] })).Run();

        var gets = Assert.Single(http.Requests).Body.GetProperty("TransactItems").EnumerateArray().Select(i => i.GetProperty("Get")).ToList();
        Assert.Equal(3, gets.Count);
        Assert.All(gets, g => Assert.Equal("email", g.Resolved("ProjectionExpression")));
        Assert.Equal(2, outcome.ItemsReturned);
        Assert.Equal(6.0, outcome.ReadUnits);
    }
}
