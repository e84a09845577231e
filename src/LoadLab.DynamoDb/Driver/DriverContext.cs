using Amazon.DynamoDBv2;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.DynamoDb.Driver;

/// <summary>What every operation of one scenario shares: the client, the table, the data model and the key space.</summary>
internal sealed record DriverContext(
    IAmazonDynamoDB Client,
    TablePlan Table,
    IDataModel Model,
    long DataSeed,
    TimeProvider Time,
    KeySpace Keys,
    DriverOptions Options);
