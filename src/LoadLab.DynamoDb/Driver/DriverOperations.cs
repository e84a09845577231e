using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>The operation names the driver carries out, listed once.</summary>
public static class DriverOperations
{
    /// <summary>Allowed names in a scenario's mix.</summary>
    public static IReadOnlyList<string> Names => OperationKinds.Names;

    /// <exception cref="ArgumentException">The name is unknown or the options do not fit the table.</exception>
    internal static DriverOperation Create(OperationWeight entry, DriverContext context)
    {
        if (!TargetSupport.Supports(entry.Kind, context.Options.Target))
            return new UnsupportedOperation();
        var options = entry.Options;
        return entry.Kind switch
        {
            OperationKind.Get => new GetItemOperation(context, options),
            OperationKind.Put => new PutItemOperation(context, options),
            OperationKind.Update => new UpdateItemOperation(context, options),
            OperationKind.Delete => new DeleteItemOperation(context, options),
            OperationKind.Query => new QueryOperation(context, options),
            OperationKind.Scan => new ScanOperation(context, options),
            OperationKind.BatchGet => new BatchGetOperation(context, options),
            OperationKind.BatchWrite => new BatchWriteOperation(context, options),
            OperationKind.TransactGet => new TransactGetOperation(context, options),
            OperationKind.TransactWrite => new TransactWriteOperation(context, options),
            OperationKind.Statement => new StatementOperation(context, options),
            _ => throw new ArgumentException($"Unknown operation '{entry.Operation}'. Allowed: {string.Join(", ", Names)}.", nameof(entry)),
        };
    }
}
