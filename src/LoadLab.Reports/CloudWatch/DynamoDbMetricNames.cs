using LoadLab.Core.Plans;

namespace LoadLab.Reports.CloudWatch;

/// <summary>DynamoDB's CloudWatch vocabulary: the API operation behind each LoadLab operation and the throttle metrics by reason.</summary>
internal static class DynamoDbMetricNames
{
    public const string Namespace = "AWS/DynamoDB";

    /// <summary>The value of DynamoDB's <c>Operation</c> dimension for a LoadLab operation.</summary>
    public static string Operation(OperationKind kind) => kind switch
    {
        OperationKind.Get => "GetItem",
        OperationKind.Put => "PutItem",
        OperationKind.Update => "UpdateItem",
        OperationKind.Delete => "DeleteItem",
        OperationKind.Query => "Query",
        OperationKind.Scan => "Scan",
        OperationKind.BatchGet => "BatchGetItem",
        OperationKind.BatchWrite => "BatchWriteItem",
        OperationKind.TransactGet => "TransactGetItems",
        OperationKind.Statement => "ExecuteStatement",
        _ => "TransactWriteItems",
    };

    /// <summary>
    /// Throttle events by reason, as DynamoDB publishes them for tables and global indexes (the reasons LoadLab's results
    /// name: key range, provisioned throughput, on-demand maximum, account limit), read and write.
    /// </summary>
    public static readonly IReadOnlyList<string> ThrottleEventsByReason =
    [
        "ReadKeyRangeThroughputThrottleEvents", "WriteKeyRangeThroughputThrottleEvents",
        "ReadProvisionedThroughputThrottleEvents", "WriteProvisionedThroughputThrottleEvents",
        "ReadMaxOnDemandThroughputThrottleEvents", "WriteMaxOnDemandThroughputThrottleEvents",
        "ReadAccountLimitThrottleEvents", "WriteAccountLimitThrottleEvents",
    ];
}
