using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>The operation names the driver carries out, listed once.</summary>
public static class DriverOperations
{
    public const string Get = "get";
    public const string Put = "put";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Query = "query";
    public const string Scan = "scan";
    public const string BatchGet = "batchGet";
    public const string BatchWrite = "batchWrite";
    public const string TransactGet = "transactGet";
    public const string TransactWrite = "transactWrite";

    /// <summary>Allowed names in a scenario's mix.</summary>
    public static IReadOnlyList<string> Names { get; } =
        Array.AsReadOnly([Get, Put, Update, Delete, Query, Scan, BatchGet, BatchWrite, TransactGet, TransactWrite]);

    /// <exception cref="ArgumentException">The name is unknown or the options do not fit the table.</exception>
    internal static DriverOperation Create(OperationWeight entry, DriverContext context)
    {
        if (!TargetSupport.Supports(entry.Operation, context.Options.Target))
            return new UnsupportedOperation();
        var options = entry.Options;
        return entry.Operation switch
        {
            Get => new GetItemOperation(context, options),
            Put => new PutItemOperation(context, options),
            Update => new UpdateItemOperation(context, options),
            Delete => new DeleteItemOperation(context, options),
            Query => new QueryOperation(context, options),
            Scan => new ScanOperation(context, options),
            BatchGet => new BatchGetOperation(context, options),
            BatchWrite => new BatchWriteOperation(context, options),
            TransactGet => new TransactGetOperation(context, options),
            TransactWrite => new TransactWriteOperation(context, options),
            _ => throw new ArgumentException($"Unknown operation '{entry.Operation}'. Allowed: {string.Join(", ", Names)}.", nameof(entry)),
        };
    }
}
