using System.Net;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.DynamoDb;

public sealed class DynamoDbOperationExecutorTests
{
    private static readonly TablePlan Table = new()
    {
        Id = "customers",
        Name = "Customers",
        PartitionKey = new KeyAttribute("pk", "S"),
        SortKey = new KeyAttribute("sk", "S"),
    };

    private static readonly DataSetPlan Data = new() { TableId = "customers", Model = "customer", Items = 1000, Seed = 7 };

    private static ScenarioPlan Scenario(params string[] operations) => new()
    {
        Name = "browse",
        TableId = "customers",
        Mix = operations.Select(o => new OperationWeight(OperationKinds.Parse(o), 1)).ToArray(),
        Phases = [new RatePhase(1, TimeSpan.FromSeconds(1))],
    };

    private static DynamoDbOperationExecutor Executor(FakeDynamoDbHttp http, int maxAttempts = 3, TimeProvider? time = null, params string[] operations) =>
        new(http.CreateClient(maxAttempts), Scenario(operations.Length == 0 ? ["get", "put"] : operations), Table, Data, CustomerModel.Instance, runSeed: 42, time);

    /// <summary>
    /// What HttpClient throws when its timeout cancels a read that, in the race between the socket's shutdown and its
    /// close, saw the end of the stream rather than the abort: a timeout around "the response ended prematurely".
    /// </summary>
    private static TaskCanceledException TimeoutThatSawTheEndOfTheResponse() =>
        new("The request was canceled due to the configured HttpClient.Timeout of 0.3 seconds elapsing.", new TimeoutException(
            "The operation was canceled.",
            new TaskCanceledException("The operation was canceled.", new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."))));

    [Fact]
    public async Task A_timeout_that_saw_the_end_of_the_response_is_one_attempt_not_a_stale_connection_retry()
    {
        // The cause of ExecutorTests.An_endpoint_that_never_answers_is_a_timeout failing under load: the SDK took this
        // timeout for a stale pooled connection and tried again, beyond MaxAttempts (up to 10 more times).
        var http = new FakeDynamoDbHttp(_ => throw TimeoutThatSawTheEndOfTheResponse());

        var outcome = await Executor(http, maxAttempts: 1).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);

        Assert.Equal(new OperationOutcome(OutcomeKind.Timeout, Attempts: 1, Reason: "Timeout"), outcome);
        Assert.Equal(1, http.Calls);
    }

    [Fact]
    public async Task A_connection_closed_without_an_answer_is_retried_within_MaxAttempts_only()
    {
        var http = new FakeDynamoDbHttp(_ => throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely."));

        var outcome = await Executor(http, maxAttempts: 2).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);

        Assert.Equal(new OperationOutcome(OutcomeKind.NetworkError, Attempts: 2, Reason: nameof(HttpIOException)), outcome);
        Assert.Equal(2, http.Calls);
    }

    [Fact]
    public async Task Get_sends_the_key_of_the_picked_item_and_reports_read_units()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("""{"Item":{},"ConsumedCapacity":{"TableName":"Customers","CapacityUnits":0.5}}"""));
        var executor = Executor(http);

        var outcome = await executor.ExecuteAsync(new OperationRequest(Sequence: 5, OperationIndex: 0), CancellationToken.None);

        Assert.Equal(new OperationOutcome(OutcomeKind.Ok, Attempts: 1, ReadUnits: 0.5), outcome);
        var request = Assert.Single(http.Requests);
        Assert.Equal("GetItem", request.Operation);
        Assert.Equal("INDEXES", request.Body.GetProperty("ReturnConsumedCapacity").GetString());
        Assert.Equal(CustomerModel.Instance.KeyOf(executor.IndexOf(5), Table)["pk"].S, request.Body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString());
    }

    [Fact]
    public async Task Put_writes_the_generated_item_with_a_new_version_and_reports_write_units()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("""{"ConsumedCapacity":{"TableName":"Customers","CapacityUnits":1.0}}"""));
        var executor = Executor(http, time: time);

        var outcome = await executor.ExecuteAsync(new OperationRequest(Sequence: 9, OperationIndex: 1), CancellationToken.None);

        Assert.Equal(new OperationOutcome(OutcomeKind.Ok, Attempts: 1, WriteUnits: 1.0), outcome);
        var item = Assert.Single(http.Requests).Body.GetProperty("Item");
        var seeded = CustomerModel.Instance.CreateItem(Data.Seed, executor.IndexOf(9), Table);
        Assert.Equal(seeded["email"].S, item.GetProperty("email").GetProperty("S").GetString());
        Assert.Equal("11", item.GetProperty("version").GetProperty("N").GetString());
        Assert.Equal("2026-11-26T12:00:00Z", item.GetProperty("updatedAt").GetProperty("S").GetString());
    }

    [Fact]
    public async Task Split_read_and_write_units_are_used_when_present()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("""{"ConsumedCapacity":{"TableName":"Customers","CapacityUnits":3.0,"ReadCapacityUnits":1.0,"WriteCapacityUnits":2.0}}"""));

        var outcome = await Executor(http).ExecuteAsync(new OperationRequest(0, 1), CancellationToken.None);

        Assert.Equal((1.0, 2.0), (outcome.ReadUnits, outcome.WriteUnits));
    }

    [Fact]
    public async Task A_throttle_the_SDK_retried_away_is_counted_on_an_Ok_outcome()
    {
        var http = new FakeDynamoDbHttp(r => r.Call == 1
            ? FakeDynamoDbHttp.Throttle("TableReadProvisionedThroughputExceeded")
            : FakeDynamoDbHttp.Json("""{"ConsumedCapacity":{"TableName":"Customers","CapacityUnits":0.5}}"""));

        var outcome = await Executor(http).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);

        Assert.Equal(new OperationOutcome(OutcomeKind.Ok, 2, 1, 0.5, 0, "TableReadProvisionedThroughputExceeded"), outcome);
    }

    [Fact]
    public async Task Throttles_beyond_the_last_attempt_are_a_throttled_outcome_not_an_exception()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Throttle("KeyRangeThroughputExceeded"));

        var outcome = await Executor(http, maxAttempts: 1).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);

        Assert.Equal(new OperationOutcome(OutcomeKind.Throttled, 1, 1, 0, 0, "KeyRangeThroughputExceeded"), outcome);
    }

    [Fact]
    public async Task Target_errors_are_classified()
    {
        var missing = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Error("ResourceNotFoundException"));
        var condition = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Error("ConditionalCheckFailedException"));
        var server = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Error("InternalServerError", status: HttpStatusCode.InternalServerError));

        var notFound = await Executor(missing).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);
        var failed = await Executor(condition).ExecuteAsync(new OperationRequest(0, 1), CancellationToken.None);
        var error = await Executor(server, maxAttempts: 2).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);

        Assert.Equal(new OperationOutcome(OutcomeKind.ClientError, 1, 0, 0, 0, "ResourceNotFoundException"), notFound);
        Assert.Equal(OutcomeKind.ConditionFailed, failed.Kind);
        Assert.Equal(new OperationOutcome(OutcomeKind.ServerError, 2, 0, 0, 0, "InternalServerError"), error);
    }

    [Fact]
    public async Task Injected_faults_are_counted_apart_whether_a_retry_recovered_or_not()
    {
        static HttpResponseMessage Injected(string type, HttpStatusCode status) =>
            FakeDynamoDbHttp.Json($$"""{"__type":"com.amazonaws.dynamodb.v20120810#{{type}}","message":"{{InjectedFaults.Marker}} fake"}""", status);
        var recovered = new FakeDynamoDbHttp(r => r.Call == 1 ? Injected("InternalServerError", HttpStatusCode.InternalServerError) : FakeDynamoDbHttp.Json("""{"Item":{}}"""));
        var gaveUp = new FakeDynamoDbHttp(_ => Injected("ServiceUnavailable", HttpStatusCode.ServiceUnavailable));
        var throttled = new FakeDynamoDbHttp(_ => Injected("RequestLimitExceeded", HttpStatusCode.BadRequest));
        var real = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Error("InternalServerError", status: HttpStatusCode.InternalServerError));

        var ok = await Executor(recovered, maxAttempts: 2).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);
        var failed = await Executor(gaveUp, maxAttempts: 2).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);
        var limited = await Executor(throttled, maxAttempts: 1).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);
        var genuine = await Executor(real, maxAttempts: 1).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);

        Assert.Equal(new OperationOutcome(OutcomeKind.Ok, 2) { InjectedAttempts = 1 }, ok);
        Assert.Equal(new OperationOutcome(OutcomeKind.ServerError, 2, 0, 0, 0, "ServiceUnavailable") { InjectedAttempts = 2, Injected = true }, failed);
        // An injected RequestLimitExceeded is still what the client saw: a throttle.
        Assert.Equal(new OperationOutcome(OutcomeKind.Throttled, 1, 1, 0, 0, "RequestLimitExceeded") { InjectedAttempts = 1, Injected = true }, limited);
        Assert.Equal(new OperationOutcome(OutcomeKind.ServerError, 1, 0, 0, 0, "InternalServerError"), genuine);
    }

    [Fact]
    public async Task The_callers_cancellation_propagates()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await Executor(http).ExecuteAsync(new OperationRequest(0, 0), cancel.Token));
    }

    [Fact]
    public void Key_choice_repeats_for_the_same_run_seed()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));
        var a = Executor(http);
        var b = Executor(http);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => a.IndexOf(i)), Enumerable.Range(0, 50).Select(i => b.IndexOf(i)));
        Assert.All(Enumerable.Range(0, 50), i => Assert.InRange(a.IndexOf(i), 0, Data.Items - 1));
    }

    [Fact]
    public void Unknown_operations_and_distributions_are_rejected_up_front()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));

        var op = Assert.Throws<ArgumentException>(() => Executor(http, operations: ["get", "rescan"]));
        Assert.Contains("Allowed: get, put, update", op.Message, StringComparison.Ordinal);
        var unknown = Scenario("get") with { Keys = new KeyDistributionPlan("pareto") };
        Assert.Throws<ArgumentException>(() => new DynamoDbOperationExecutor(http.CreateClient(), unknown, Table, Data, CustomerModel.Instance, 1));
    }
}
