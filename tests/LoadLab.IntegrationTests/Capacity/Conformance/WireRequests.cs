namespace LoadLab.IntegrationTests.Capacity.Conformance;

/// <summary>One raw HTTP request of the differential test; @T and @U in the path and body name the side's two tables.</summary>
internal sealed record WireRequest(string Name, string Method, string Body, string? Target = "", string? ContentType = "application/x-amz-json-1.0", string Auth = WireRequests.Signed, string Query = "", IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>Waits (and compares nothing) until the side's tables are ACTIVE before the next request.</summary>
    public bool WaitForTables { get; init; }
}

/// <summary>
/// The request set the simulator and the emulator must answer alike: protocol errors (method, content type,
/// target, authentication, body), CORS, presigned requests, table lifecycle, every item operation and their
/// validation errors, in both JSON content types.
/// </summary>
internal static class WireRequests
{
    public const string Signed = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";

    private const string Presigned = "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=local%2F20260101%2Fus-east-1%2Fdynamodb%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00";

    private static readonly Dictionary<string, string> Browser = new() { ["Origin"] = "http://localhost:3000" };

    public static IReadOnlyList<WireRequest> All() =>
    [
        new("health check", "GET", string.Empty, Target: null, ContentType: null, Auth: string.Empty),
        new("CORS preflight", "OPTIONS", string.Empty, Target: null, ContentType: null, Auth: string.Empty,
            Headers: new Dictionary<string, string> { ["Origin"] = "http://localhost:3000", ["Access-Control-Request-Method"] = "POST", ["Access-Control-Request-Headers"] = "content-type,x-amz-target" }),
        new("PUT method", "PUT", "{}", Target: "DynamoDB_20120810.ListTables"),
        new("text/plain body", "POST", "{}", Target: "DynamoDB_20120810.ListTables", ContentType: "text/plain"),
        new("no target", "POST", "{}", Target: null),
        new("unknown target", "POST", "{}", Target: "DynamoDB_20120810.Frobnicate"),
        new("no authentication", "POST", """{"TableName":"@T"}""", Target: "DynamoDB_20120810.DescribeTable", Auth: string.Empty),
        new("not SigV4", "POST", """{"TableName":"@T"}""", Target: "DynamoDB_20120810.DescribeTable", Auth: "Basic abc"),
        new("incomplete signature", "POST", """{"TableName":"@T"}""", Target: "DynamoDB_20120810.DescribeTable", Auth: "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request"),
        new("header and presigned query", "POST", """{"TableName":"@T"}""", Target: "DynamoDB_20120810.DescribeTable", Query: Presigned),
        new("empty body", "POST", string.Empty, Target: "DynamoDB_20120810.GetItem"),
        new("body-less, unsigned", "POST", string.Empty, Target: "DynamoDB_20120810.GetItem", Auth: string.Empty),
        new("non-JSON body", "POST", "not json", Target: "DynamoDB_20120810.GetItem"),
        new("create on demand with an index", "POST", """{"TableName":"@T","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},{"AttributeName":"g","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"BillingMode":"PAY_PER_REQUEST","GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}]}""", Target: "DynamoDB_20120810.CreateTable"),
        new("create provisioned without BillingMode", "POST", """{"TableName":"@U","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}}""", Target: "DynamoDB_20120810.CreateTable") { WaitForTables = true },
        new("presigned DescribeTable", "POST", """{"TableName":"@U"}""", Target: "DynamoDB_20120810.DescribeTable", Auth: string.Empty, Query: Presigned),
        new("update the units (answered UPDATING with the old ones)", "POST", """{"TableName":"@U","ProvisionedThroughput":{"ReadCapacityUnits":6,"WriteCapacityUnits":7}}""", Target: "DynamoDB_20120810.UpdateTable") { WaitForTables = true },
        new("describe after the update", "POST", """{"TableName":"@U"}""", Target: "DynamoDB_20120810.DescribeTable"),
        new("put", "POST", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"},"g":{"S":"x"},"n":{"N":"1.50"}}}""", Target: "DynamoDB_20120810.PutItem"),
        new("put, application/json", "POST", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"2"},"n":{"N":"2"}},"ReturnValues":"ALL_OLD"}""", Target: "DynamoDB_20120810.PutItem", ContentType: "application/json"),
        new("put from a browser", "POST", """{"TableName":"@T","Item":{"pk":{"S":"b"},"sk":{"S":"1"}}}""", Target: "DynamoDB_20120810.PutItem", Headers: Browser),
        new("put without the sort key", "POST", """{"TableName":"@T","Item":{"pk":{"S":"a"}}}""", Target: "DynamoDB_20120810.PutItem"),
        new("put with a key of the wrong type", "POST", """{"TableName":"@T","Item":{"pk":{"N":"1"},"sk":{"S":"1"}}}""", Target: "DynamoDB_20120810.PutItem"),
        new("put with a failed condition", "POST", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"}},"ConditionExpression":"attribute_not_exists(pk)"}""", Target: "DynamoDB_20120810.PutItem"),
        new("put with two data types", "POST", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"},"x":{"S":"1","N":"1"}}}""", Target: "DynamoDB_20120810.PutItem"),
        new("put with a bad number", "POST", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"},"x":{"N":"abc"}}}""", Target: "DynamoDB_20120810.PutItem"),
        new("put with a string where a type goes", "POST", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"},"x":"plain"}}""", Target: "DynamoDB_20120810.PutItem"),
        new("get", "POST", """{"TableName":"@T","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},"ConsistentRead":true}""", Target: "DynamoDB_20120810.GetItem"),
        new("get, application/json, from a browser", "POST", """{"TableName":"@T","Key":{"pk":{"S":"a"},"sk":{"S":"2"}},"ProjectionExpression":"n"}""", Target: "DynamoDB_20120810.GetItem", ContentType: "application/json", Headers: Browser),
        new("get with a bad projection", "POST", """{"TableName":"@T","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},"ProjectionExpression":"#nope"}""", Target: "DynamoDB_20120810.GetItem"),
        new("get of a missing table", "POST", """{"TableName":"@T_missing","Key":{"pk":{"S":"a"}}}""", Target: "DynamoDB_20120810.GetItem"),
        new("update", "POST", """{"TableName":"@T","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},"UpdateExpression":"ADD n :one SET s = :s","ExpressionAttributeValues":{":one":{"N":"1"},":s":{"S":"v"}},"ReturnValues":"UPDATED_NEW"}""", Target: "DynamoDB_20120810.UpdateItem"),
        new("update, nothing returned", "POST", """{"TableName":"@T","Key":{"pk":{"S":"c"},"sk":{"S":"1"}},"UpdateExpression":"SET s = :s","ExpressionAttributeValues":{":s":{"S":"w"}}}""", Target: "DynamoDB_20120810.UpdateItem"),
        new("query", "POST", """{"TableName":"@T","KeyConditionExpression":"pk = :pk","ExpressionAttributeValues":{":pk":{"S":"a"}}}""", Target: "DynamoDB_20120810.Query"),
        new("query with a filter", "POST", """{"TableName":"@T","KeyConditionExpression":"pk = :pk","FilterExpression":"n > :one","ExpressionAttributeValues":{":pk":{"S":"a"},":one":{"N":"1"}}}""", Target: "DynamoDB_20120810.Query"),
        new("query of the index", "POST", """{"TableName":"@T","IndexName":"byG","KeyConditionExpression":"g = :g","ExpressionAttributeValues":{":g":{"S":"x"}}}""", Target: "DynamoDB_20120810.Query"),
        new("query without a key condition", "POST", """{"TableName":"@T"}""", Target: "DynamoDB_20120810.Query"),
        new("scan", "POST", """{"TableName":"@T","Limit":2}""", Target: "DynamoDB_20120810.Scan"),
        new("batch write", "POST", """{"RequestItems":{"@T":[{"PutRequest":{"Item":{"pk":{"S":"d"},"sk":{"S":"1"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"b"},"sk":{"S":"1"}}}}]}}""", Target: "DynamoDB_20120810.BatchWriteItem"),
        new("batch get", "POST", """{"RequestItems":{"@T":{"Keys":[{"pk":{"S":"a"},"sk":{"S":"1"}},{"pk":{"S":"zz"},"sk":{"S":"1"}}],"ConsistentRead":true}}}""", Target: "DynamoDB_20120810.BatchGetItem"),
        new("delete", "POST", """{"TableName":"@T","Key":{"pk":{"S":"d"},"sk":{"S":"1"}},"ReturnValues":"ALL_OLD"}""", Target: "DynamoDB_20120810.DeleteItem"),
        new("describe", "POST", """{"TableName":"@T"}""", Target: "DynamoDB_20120810.DescribeTable"),
        new("delete the tables", "POST", """{"TableName":"@U"}""", Target: "DynamoDB_20120810.DeleteTable"),
        new("delete the other table", "POST", """{"TableName":"@T"}""", Target: "DynamoDB_20120810.DeleteTable"),
    ];
}
