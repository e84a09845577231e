namespace LoadLab.DynamoDb.Driver;

/// <summary>Items per request of the batch and transaction operations when a suite gives no batchSize (for estimates outside the driver).</summary>
public static class BatchSizes
{
    public static int DefaultFor(string operation) => operation switch
    {
        "batchGet" => BatchGetOperation.DefaultSize,
        "batchWrite" => BatchWriteOperation.DefaultSize,
        "transactGet" => TransactGetOperation.DefaultSize,
        "transactWrite" => TransactWriteOperation.DefaultSize,
        _ => 1,
    };
}
