using System.Collections.Frozen;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// Reads <c>X-Amz-Target: DynamoDB_20120810.&lt;Operation&gt;</c>. Only operations of DynamoDB's API are
/// routed (anything else goes to the emulator, which answers UnknownOperationException as DynamoDB does); of those,
/// the data plane and the table lifecycle get capacity handling and the rest are forwarded untouched.
/// </summary>
internal static class OperationRouter
{
    public const string TargetPrefix = "DynamoDB_20120810.";

    private static readonly FrozenDictionary<string, DynamoOperation> Special = new Dictionary<string, DynamoOperation>(StringComparer.Ordinal)
    {
        ["GetItem"] = DynamoOperation.GetItem,
        ["PutItem"] = DynamoOperation.PutItem,
        ["UpdateItem"] = DynamoOperation.UpdateItem,
        ["DeleteItem"] = DynamoOperation.DeleteItem,
        ["Query"] = DynamoOperation.Query,
        ["Scan"] = DynamoOperation.Scan,
        ["BatchGetItem"] = DynamoOperation.BatchGetItem,
        ["BatchWriteItem"] = DynamoOperation.BatchWriteItem,
        ["TransactGetItems"] = DynamoOperation.TransactGetItems,
        ["TransactWriteItems"] = DynamoOperation.TransactWriteItems,
        ["ExecuteStatement"] = DynamoOperation.ExecuteStatement,
        ["BatchExecuteStatement"] = DynamoOperation.BatchExecuteStatement,
        ["ExecuteTransaction"] = DynamoOperation.ExecuteTransaction,
        ["CreateTable"] = DynamoOperation.CreateTable,
        ["UpdateTable"] = DynamoOperation.UpdateTable,
        ["DeleteTable"] = DynamoOperation.DeleteTable,
        ["DescribeTable"] = DynamoOperation.DescribeTable,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // The rest of the DynamoDB_20120810 API (service model dynamodb-2012-08-10): forwarded as they are.
    private static readonly FrozenSet<string> Others = new[]
    {
        "CreateBackup", "CreateGlobalTable", "DeleteBackup", "DeleteResourcePolicy",
        "DescribeBackup", "DescribeContinuousBackups", "DescribeContributorInsights", "DescribeEndpoints",
        "DescribeExport", "DescribeGlobalTable", "DescribeGlobalTableSettings", "DescribeImport",
        "DescribeKinesisStreamingDestination", "DescribeLimits", "DescribeTableReplicaAutoScaling",
        "DescribeTimeToLive", "DisableKinesisStreamingDestination", "EnableKinesisStreamingDestination",
        "ExportTableToPointInTime", "GetResourcePolicy", "ImportTable",
        "ListBackups", "ListContributorInsights", "ListExports", "ListGlobalTables", "ListImports", "ListTables",
        "ListTagsOfResource", "PutResourcePolicy", "RestoreTableFromBackup", "RestoreTableToPointInTime",
        "TagResource", "UntagResource", "UpdateContinuousBackups", "UpdateContributorInsights", "UpdateGlobalTable",
        "UpdateGlobalTableSettings", "UpdateKinesisStreamingDestination", "UpdateTableReplicaAutoScaling",
        "UpdateTimeToLive",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when the header names an operation of DynamoDB's API.</summary>
    public static bool TryRoute(string? target, out DynamoOperation operation, out string operationName)
    {
        operation = DynamoOperation.PassThrough;
        operationName = string.Empty;
        if (target is null || !target.StartsWith(TargetPrefix, StringComparison.Ordinal))
            return false;
        string name = target[TargetPrefix.Length..];
        if (Special.TryGetValue(name, out operation))
        {
            operationName = name;
            return true;
        }

        if (!Others.Contains(name))
            return false;
        operationName = name;
        operation = DynamoOperation.PassThrough;
        return true;
    }
}
