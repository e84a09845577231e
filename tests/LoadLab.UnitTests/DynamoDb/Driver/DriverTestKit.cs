using System.Text.Json;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.UnitTests.DynamoDb.Driver;

/// <summary>A customer table, its data set and executors over the fake HTTP target, for the driver's unit tests.</summary>
internal static class DriverTestKit
{
    public static readonly TablePlan Table = new()
    {
        Id = "customers",
        Name = "Customers",
        PartitionKey = new KeyAttribute("pk", "S"),
        SortKey = new KeyAttribute("sk", "S"),
    };

    public static readonly TablePlan PartitionOnlyTable = Table with { SortKey = null };

    public static readonly DataSetPlan DataSet = new() { TableId = "customers", Model = "customer", Items = 1000, Seed = 7 };

    /// <summary>No waiting between resends of unprocessed items: the tests count them, they do not time them.</summary>
    public static readonly DriverOptions NoBackoff = new() { UnprocessedBaseDelay = TimeSpan.Zero, UnprocessedMaxDelay = TimeSpan.Zero };

    public static OperationWeight Op(string operation, OperationOptions? options = null) =>
        new(OperationKinds.Parse(operation), 1) { Options = options ?? OperationOptions.None };

    public static ScenarioPlan Scenario(params OperationWeight[] mix) => new()
    {
        Name = "browse",
        TableId = "customers",
        Mix = mix,
        Phases = [new RatePhase(1, TimeSpan.FromSeconds(1))],
    };

    public static DynamoDbOperationExecutor Executor(
        FakeDynamoDbHttp http,
        OperationWeight operation,
        DriverOptions? options = null,
        TablePlan? table = null,
        KeyDistributionPlan? keys = null,
        int maxAttempts = 3) =>
        new(http.CreateClient(maxAttempts), Scenario(operation) with { Keys = keys ?? KeyDistributionPlan.Uniform },
            table ?? Table, DataSet, CustomerModel.Instance, runSeed: 42, timeProvider: null, options ?? NoBackoff);

    public static ValueTask<OperationOutcome> Run(this DynamoDbOperationExecutor executor, long sequence = 0) =>
        executor.ExecuteAsync(new OperationRequest(sequence, 0), CancellationToken.None);

    public static string? Text(this JsonElement body, string property) =>
        body.TryGetProperty(property, out var value) ? value.ToString() : null;

    /// <summary>The names map of a request as "#placeholder=attribute" pairs.</summary>
    public static Dictionary<string, string> Names(this JsonElement body) =>
        body.TryGetProperty("ExpressionAttributeNames", out var names)
            ? names.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : [];

    /// <summary>An expression with every #placeholder replaced by its attribute, for readable assertions.</summary>
    public static string Resolved(this JsonElement body, string property)
    {
        var text = body.GetProperty(property).GetString()!;
        foreach (var (placeholder, name) in body.Names().OrderByDescending(p => p.Key.Length))
            text = text.Replace(placeholder, name, StringComparison.Ordinal);
        return text;
    }

    public static string Consumed(double units) => $$"""{"TableName":"Customers","CapacityUnits":{{units.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""";
}
