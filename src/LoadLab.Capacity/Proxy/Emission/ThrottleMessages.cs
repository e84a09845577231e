namespace LoadLab.Capacity.Proxy.Emission;

/// <summary>Exception messages as DynamoDB words them (docs/capacity-model.md §17; the [LoadLab] ones are our wording).</summary>
internal static class ThrottleMessages
{
    public const string ProvisionedTable =
        "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.";

    public const string ProvisionedIndex =
        "The level of configured provisioned throughput for one or more global secondary indexes of the table was exceeded. Consider increasing your provisioning level for the under-provisioned global secondary indexes with the UpdateTable API";

    public const string OnDemand =
        "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";

    /// <summary>[LoadLab] DynamoDB's wording for the configured on-demand maximum is not published.</summary>
    public const string MaxOnDemand =
        "Throughput exceeds the maximum OnDemandThroughput configured on your table or index. Consider increasing MaxReadRequestUnits or MaxWriteRequestUnits with the UpdateTable API.";

    /// <summary>Programming.Errors.html, RequestLimitExceeded.</summary>
    public const string AccountLimit =
        "Throughput exceeds the current throughput limit for your account. Please contact AWS Support at https://aws.amazon.com/support request a limit increase";

    public const string TransactionCancelledPrefix = "Transaction cancelled, please refer cancellation reasons for specific reasons ";

    public const string TransactionThrottled = "Throughput exceeds the current capacity for one or more resources. Please try again shortly.";
}
