using Amazon.DynamoDBv2;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.DynamoDb.Driver;

/// <summary>The operation names the driver carries out, listed once.</summary>
public static class DriverOperations
{
    public const string Get = "get";
    public const string Put = "put";

    /// <summary>Allowed names in a scenario's mix.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly([Get, Put]);

    internal static DriverOperation Create(string name, IAmazonDynamoDB client, TablePlan table, IDataModel model, long dataSeed, TimeProvider time) =>
        name switch
        {
            Get => new GetItemOperation(client, table, model),
            Put => new PutItemOperation(client, table, model, dataSeed, time),
            _ => throw new ArgumentException($"Unknown operation '{name}'. Allowed: {string.Join(", ", Names)}.", nameof(name)),
        };
}
