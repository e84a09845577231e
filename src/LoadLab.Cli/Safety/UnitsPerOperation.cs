using LoadLab.Core.Plans;

namespace LoadLab.Cli.Safety;

/// <summary>
/// On-demand request units one operation is expected to consume, from the average item size (reference
/// dynamodb-capacity.md §1–§2): reads in 4 KB blocks, half for eventually consistent; writes in 1 KB blocks, once
/// more for every global index (each may project the item); transactions twice.
/// </summary>
internal static class UnitsPerOperation
{
    private const double ReadBlock = 4096;
    private const double WriteBlock = 1024;
    private const double PageBytes = 1024 * 1024;

    /// <summary>Items a query is assumed to return without a Limit: the partition's size is not in the plan.</summary>
    public const int AssumedQueryItems = 10;

    public static (double Read, double Write) Of(OperationWeight operation, double itemBytes, long tableItems, TablePlan table)
    {
        var o = operation.Options;
        double write = WriteUnits(itemBytes) * (1 + table.Indexes.Count(i => i.Kind == IndexKind.Global));
        return operation.Operation switch
        {
            "get" => (ReadUnits(itemBytes, o.ConsistentRead), 0),
            "put" or "update" or "delete" => (0, write),
            "query" => (ReadUnits(Math.Min(PageBytes, (o.Limit ?? AssumedQueryItems) * itemBytes), o.ConsistentRead) * (o.Pages == PageMode.First ? 1 : Pages(o.Limit, itemBytes)), 0),
            "scan" => (ScanUnits(o, itemBytes, tableItems), 0),
            "batchGet" => ((o.BatchSize ?? Batch("batchGet")) * ReadUnits(itemBytes, o.ConsistentRead), 0),
            "batchWrite" => (0, (o.BatchSize ?? Batch("batchWrite")) * write),
            "transactGet" => (2 * (o.BatchSize ?? Batch("transactGet")) * ReadUnits(itemBytes, consistent: true), 0),
            "transactWrite" => (0, 2 * (o.BatchSize ?? Batch("transactWrite")) * write),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Operation, "Unknown operation."),
        };
    }

    /// <summary>Write units of putting one item of <paramref name="itemBytes"/> into <paramref name="table"/>, indexes included.</summary>
    public static double SeedWrite(double itemBytes, TablePlan table) =>
        WriteUnits(itemBytes) * (1 + table.Indexes.Count(i => i.Kind == IndexKind.Global));

    private static int Batch(string operation) => DynamoDb.Driver.BatchSizes.DefaultFor(operation);

    private static double ReadUnits(double bytes, bool consistent) => Math.Max(1, Math.Ceiling(bytes / ReadBlock)) * (consistent ? 1 : 0.5);

    private static double WriteUnits(double bytes) => Math.Max(1, Math.Ceiling(bytes / WriteBlock));

    private static double Pages(int? limit, double itemBytes) => limit is null ? 1 : Math.Max(1, Math.Ceiling(limit.Value * itemBytes / PageBytes));

    // A scan reading every page reads the whole table whatever the segments; a first-page scan reads one page per segment.
    private static double ScanUnits(OperationOptions o, double itemBytes, long tableItems)
    {
        if ((o.Pages ?? PageMode.First) == PageMode.All)
            return Math.Max(1, Math.Ceiling(tableItems * itemBytes / ReadBlock)) * (o.ConsistentRead ? 1 : 0.5);
        double page = Math.Min(PageBytes, o.Limit is { } limit ? limit * itemBytes : PageBytes);
        return o.Segments * ReadUnits(page, o.ConsistentRead);
    }
}
