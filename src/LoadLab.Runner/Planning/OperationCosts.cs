using LoadLab.Core.Plans;

namespace LoadLab.Runner.Planning;

/// <summary>
/// Expected capacity units of one operation of a mix on an average item (docs/capacity-model.md §2–§7):
/// reads are rounded up to 4 KB per item (per page for query and scan), halved when eventually consistent, doubled
/// in a transaction; writes are rounded up to 1 KB per item, doubled in a transaction. Not counted: writes to
/// secondary indexes (docs/capacity-model.md §8), sort-key conditions narrowing a query, and items added or deleted during the run.
/// </summary>
public static class OperationCosts
{
    /// <summary>The driver's batch sizes when a suite leaves batchSize out (a unit test checks them against it).</summary>
    public const int BatchGetSize = 25, BatchWriteSize = 25, TransactGetSize = 4, TransactWriteSize = 4;

    /// <summary>DynamoDB reads at most 1 MB per query or scan page.</summary>
    public const double PageBytes = 1024 * 1024;

    private const double ReadBlock = 4096;

    public static UnitCost Of(OperationWeight operation, DataSetEstimate data, TablePlan table)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(table);
        var o = operation.Options;
        double consistency = o.ConsistentRead ? 1 : 0.5;
        return operation.Operation switch
        {
            "get" => new(data.AverageReadUnits * consistency, 0),
            "put" or "update" or "delete" => new(0, data.AverageWriteUnits),
            "batchGet" => new((o.BatchSize ?? BatchGetSize) * data.AverageReadUnits * consistency, 0),
            "batchWrite" => new(0, (o.BatchSize ?? BatchWriteSize) * data.AverageWriteUnits),
            "transactGet" => new((o.BatchSize ?? TransactGetSize) * data.AverageReadUnits * 2, 0),
            "transactWrite" => new(0, (o.BatchSize ?? TransactWriteSize) * data.AverageWriteUnits * 2),
            "query" => Query(o, data, table),
            "scan" => Scan(o, data, table),
            "statement" => Statement(o, data, table, consistency),
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Operation, "Unknown operation."),
        };
    }

    /// <summary>
    /// Read units of one request reading <paramref name="items"/> items, page by page: each page holds at most
    /// <paramref name="limit"/> items and 1 MB, and its total size is rounded up to 4 KB once.
    /// </summary>
    public static double PagedReadUnits(double items, double averageBytes, int? limit, bool allPages, double consistency)
    {
        if (items <= 0) return consistency; // an empty page still costs the minimum
        double perPage = Math.Max(1, Math.Min(limit ?? double.MaxValue, Math.Floor(PageBytes / Math.Max(1, averageBytes))));
        double fullPages = Math.Floor(items / perPage);
        double rest = items - fullPages * perPage;
        double pageUnits = Math.Ceiling(perPage * averageBytes / ReadBlock);
        double restUnits = rest > 0 ? Math.Ceiling(rest * averageBytes / ReadBlock) : 0;
        if (!allPages)
            return (fullPages >= 1 ? pageUnits : restUnits) * consistency;
        return (fullPages * pageUnits + restUnits) * consistency;
    }

    private static UnitCost Query(OperationOptions o, DataSetEstimate data, TablePlan table)
    {
        bool allPages = (o.Pages ?? PageMode.All) == PageMode.All;
        if (o.Index is { } index)
        {
            // A global index is read eventually consistent whatever the request asks; sized here on whole items (ALL).
            double consistency = IsGlobal(table, index) ? 0.5 : o.ConsistentRead ? 1 : 0.5;
            double items = data.ItemsPerIndexPartition.GetValueOrDefault(index, data.ItemsPerPartition);
            return new(PagedReadUnits(items, data.AverageBytes, o.Limit, allPages, consistency), 0, IsGlobal(table, index) ? index : null);
        }

        // A sharded partition key: the query asks every shard, one request each.
        double perShard = PagedReadUnits(data.ItemsPerPartition, data.AverageBytes, o.Limit, allPages, o.ConsistentRead ? 1 : 0.5);
        return new(perShard * data.PartitionShards, 0);
    }

    private static UnitCost Scan(OperationOptions o, DataSetEstimate data, TablePlan table)
    {
        bool allPages = (o.Pages ?? PageMode.First) == PageMode.All;
        double consistency = o.Index is { } index && IsGlobal(table, index) ? 0.5 : o.ConsistentRead ? 1 : 0.5;
        double perSegment = (double)data.Items / Math.Max(1, o.Segments);
        string? own = o.Index is { } scanned && IsGlobal(table, scanned) ? scanned : null;
        return new(o.Segments * PagedReadUnits(perSegment, data.AverageBytes, o.Limit, allPages, consistency), 0, own);
    }

    /// <summary>
    /// A statement costs what the request it stands for costs: a write one average item; a SELECT binding the whole key
    /// (or on a table without sort key) one item, else one page of the item's partition (ExecuteStatement answers one).
    /// </summary>
    private static UnitCost Statement(OperationOptions o, DataSetEstimate data, TablePlan table, double consistency)
    {
        if (o.Statement is not { IsRead: true } statement)
            return new(0, data.AverageWriteUnits);
        if (table.SortKey is null || statement.Parameters.Contains(StatementParameter.SortKey))
            return new(data.AverageReadUnits * consistency, 0);
        return new(PagedReadUnits(data.ItemsPerPartition, data.AverageBytes, null, allPages: false, consistency), 0);
    }

    private static bool IsGlobal(TablePlan table, string index) =>
        table.Indexes.FirstOrDefault(i => i.Name == index)?.Kind != IndexKind.Local;
}
