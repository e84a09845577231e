namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>The operations the proxy treats specially; every other DynamoDB operation is <see cref="PassThrough"/>.</summary>
internal enum DynamoOperation
{
    PassThrough,
    GetItem,
    PutItem,
    UpdateItem,
    DeleteItem,
    Query,
    Scan,
    BatchGetItem,
    BatchWriteItem,
    TransactGetItems,
    TransactWriteItems,
    ExecuteStatement,
    BatchExecuteStatement,
    ExecuteTransaction,
    CreateTable,
    UpdateTable,
    DeleteTable,
    DescribeTable,
}
