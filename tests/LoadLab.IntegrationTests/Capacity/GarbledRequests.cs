using System.Net.Http.Headers;
using System.Text;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>
/// Seeded generator of requests DynamoDB must refuse: random bytes, truncated or over-long JSON, members of the
/// wrong type, unknown tables and targets, wrong content types, missing signatures — each with garbled
/// SDK headers. Every one is invalid by construction, so every answer must be an error.
/// </summary>
internal static class GarbledRequests
{
    private static readonly string[] Operations =
        ["GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem", "TransactWriteItems", "TransactGetItems", "DescribeTable", "UpdateTable"];

    public static HttpRequestMessage Next(Random random, string table)
    {
        string operation = Operations[random.Next(Operations.Length)];
        string target = "DynamoDB_20120810." + operation;
        string contentType = "application/x-amz-json-1.0";
        bool signed = true;
        byte[] body;
        switch (random.Next(8))
        {
            case 0:
                body = new byte[random.Next(1, 400)];
                random.NextBytes(body);
                body[0] = (byte)'{'; // looks like JSON to a sniffer, never parses as a whole object
                break;
            case 1:
                string valid = Template(operation, table);
                body = Encoding.UTF8.GetBytes(valid[..random.Next(0, valid.Length - 1)]);
                break;
            case 2:
                body = Encoding.UTF8.GetBytes(Template(operation, table) + (random.Next(2) == 0 ? "}" : " x"));
                break;
            case 3:
                body = Encoding.UTF8.GetBytes(WrongTypes(random, operation, table));
                break;
            case 4:
                body = Encoding.UTF8.GetBytes(Template(operation, "missing_" + random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                break;
            case 5:
                target = random.Next(3) switch
                {
                    0 => "DynamoDB_20120810." + RandomText(random, 12),
                    1 => RandomText(random, 30),
                    _ => string.Empty,
                };
                body = Encoding.UTF8.GetBytes(Template(operation, table));
                break;
            case 6:
                contentType = random.Next(2) == 0 ? "text/plain" : "application/xml";
                body = Encoding.UTF8.GetBytes(Template(operation, table));
                break;
            default:
                signed = false;
                body = Encoding.UTF8.GetBytes(Template(operation, table));
                break;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (target.Length > 0)
            request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (signed)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0");
            request.Headers.TryAddWithoutValidation("X-Amz-Date", "20260101T000000Z");
        }

        request.Headers.TryAddWithoutValidation("amz-sdk-invocation-id", random.Next(4) == 0 ? RandomText(random, 300) : Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("amz-sdk-request", random.Next(3) switch
        {
            0 => "attempt=" + random.Next(-5, 50).ToString(System.Globalization.CultureInfo.InvariantCulture) + "; max=" + RandomText(random, 3),
            1 => RandomText(random, 40),
            _ => "attempt=1; max=3",
        });
        request.Headers.TryAddWithoutValidation("x-" + RandomText(random, 8).Replace(' ', '-').Replace(':', '-'), RandomText(random, 20));
        return request;
    }

    /// <summary>
    /// An error answer as DynamoDB (and the emulator) gives it: a JSON body with <c>__type</c>, or — for the
    /// protocol errors the front end answers — the 404 <c>&lt;UnknownOperationException/&gt;</c> or an empty 413.
    /// </summary>
    public static void AssertDynamoError(int status, byte[] body, string context)
    {
        Assert.True(status is >= 400 and < 600, context);
        if (status == 413)
        {
            Assert.Empty(body);
            return;
        }

        if (status == 404)
        {
            Assert.Equal("<UnknownOperationException/>\n", Encoding.UTF8.GetString(body));
            return;
        }

        using var document = System.Text.Json.JsonDocument.Parse(body);
        Assert.True(document.RootElement.TryGetProperty("__type", out var type) && type.GetString()!.Length > 0, context);
    }

    private static string Template(string operation, string table) => operation switch
    {
        "GetItem" or "DeleteItem" => """{"TableName":"TABLE","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},"ReturnConsumedCapacity":"TOTAL"}""".Replace("TABLE", table, StringComparison.Ordinal),
        "PutItem" => """{"TableName":"TABLE","Item":{"pk":{"S":"fuzz"},"sk":{"S":"1"},"n":{"N":"12.5"}},"ConditionExpression":"attribute_exists(pk)"}""".Replace("TABLE", table, StringComparison.Ordinal),
        "UpdateItem" => """{"TableName":"TABLE","Key":{"pk":{"S":"fuzz"},"sk":{"S":"1"}},"UpdateExpression":"SET n = :n","ConditionExpression":"attribute_exists(pk)","ExpressionAttributeValues":{":n":{"N":"1"}}}""".Replace("TABLE", table, StringComparison.Ordinal),
        "Query" => """{"TableName":"TABLE","KeyConditionExpression":"pk = :pk","ExpressionAttributeValues":{":pk":{"S":"a"}},"FilterExpression":"n > :pk"}""".Replace("TABLE", table, StringComparison.Ordinal),
        "Scan" => """{"TableName":"TABLE","Segment":7,"TotalSegments":2}""".Replace("TABLE", table, StringComparison.Ordinal),
        "BatchGetItem" => """{"RequestItems":{"TABLE":{"Keys":[{"pk":{"S":"a"},"sk":{"S":"1"}},{"pk":{"S":"a"},"sk":{"S":"1"}}]}}}""".Replace("TABLE", table, StringComparison.Ordinal),
        "BatchWriteItem" => """{"RequestItems":{"TABLE":[{"PutRequest":{"Item":{"pk":{"S":"fuzz"}}}}]}}""".Replace("TABLE", table, StringComparison.Ordinal),
        "TransactWriteItems" => """{"TransactItems":[{"Put":{"TableName":"TABLE","Item":{"pk":{"S":"fuzz"}}}}]}""".Replace("TABLE", table, StringComparison.Ordinal),
        "TransactGetItems" => """{"TransactItems":[{"Get":{"TableName":"TABLE","Key":{"pk":{"S":"fuzz"}}}}]}""".Replace("TABLE", table, StringComparison.Ordinal),
        "UpdateTable" => """{"TableName":"TABLE"}""".Replace("TABLE", table, StringComparison.Ordinal),
        _ => """{"TableName":"TABLE_nope"}""".Replace("TABLE", table, StringComparison.Ordinal),
    };

    private static string WrongTypes(Random random, string operation, string table) => (operation == "DescribeTable" ? 0 : random.Next(6)) switch
    {
        0 => """{"TableName":42,"Key":"x","Item":[1,2]}""",
        1 => """{"TableName":"TABLE","ReturnConsumedCapacity":"SOMETIMES","Key":{"pk":{"S":1},"sk":{"BOOL":"x"}},"Item":{"pk":{"N":"not-a-number"},"sk":{"S":"1"}}}""".Replace("TABLE", table, StringComparison.Ordinal),
        2 => """{"TableName":"TABLE","ReturnConsumedCapacity":"SOMETIMES","RequestItems":{"TABLE":"oops"},"TransactItems":{"Put":7}}""".Replace("TABLE", table, StringComparison.Ordinal),
        3 => operation is "BatchGetItem" or "BatchWriteItem"
            ? """{"ReturnConsumedCapacity":"SOMETIMES","RequestItems":{"TABLE":[{"DeleteRequest":{"Key":{"pk":{"L":[]}}}}],"other":{"Keys":7}}}""".Replace("TABLE", table, StringComparison.Ordinal)
            : """{"TableName":"TABLE","ReturnConsumedCapacity":"SOMETIMES","Item":{"pk":{"S":"fuzz"},"sk":{"S":"1"},"x":{"M":{"deep":{"L":[{"NS":[]}]}}}},"Key":{}}""".Replace("TABLE", table, StringComparison.Ordinal),
        4 => "[" + new string('[', random.Next(1, 200)) + "]",
        _ => "{\"ReturnConsumedCapacity\":\"SOMETIMES\",\"TableName\":\"" + RandomText(random, 300) + "\",\"Key\":{\"" + RandomText(random, 5) + "\":{\"S\":\"x\"}}}",
    };

    private static string RandomText(Random random, int max)
    {
        var chars = new char[random.Next(1, max + 1)];
        for (int i = 0; i < chars.Length; i++)
            chars[i] = (char)random.Next(0x21, 0x7F);
        return new string(chars).Replace('"', '\'').Replace('\\', '/');
    }
}
