using System.Text.Json.Nodes;

namespace LoadLab.IntegrationTests.Capacity.Survival;

/// <summary>
/// Requests of every data-plane and table operation with one node replaced, or one member added, by a null or
/// a malformed AttributeValue (no type, two types, a number that is not one, null set members, nested nulls…).
/// Built from valid templates, so each mutation sits where real clients put values: items, keys, expression
/// values, legacy conditions, batch lists, index lists, tags. Seeded, so a failure names a reproducible request.
/// </summary>
internal static class MalformedValueCorpus
{
    private static readonly string[] Replacements =
    [
        "null", "{}", """{"S":"a","N":"1"}""", "\"str\"", "5", "[]", "[null]", """{"N":"abc"}""", """{"N":" 1"}""", """{"N":""}""",
        """{"N":"1e400"}""", """{"SS":[null]}""", """{"NS":["1",null]}""", """{"BS":[null]}""", """{"L":[null]}""", """{"M":{"x":null}}""",
        """{"M":null}""", """{"S":null}""", """{"NULL":false}""", """{"M":{"x":{}}}""", """{"L":[{}]}""", """{"X":"1"}""", """{"S":5}""",
    ];

    public static IEnumerable<(string Operation, string Body)> Generate(string table, string index, int count, int seed)
    {
        var random = new Random(seed);
        var templates = Templates();
        var all = new List<(string, string)>();
        foreach (var (operation, template) in templates)
        {
            var root = JsonNode.Parse(template)!;
            foreach (var path in Paths(root, []))
            {
                foreach (string replacement in Replacements)
                {
                    all.Add((operation, Replace(root, path, replacement)));
                    if (Add(root, path, replacement) is { } added)
                        all.Add((operation, added));
                }
            }
        }

        // Every known crasher of dynalite, then a seeded sample of the rest; @T and @I name the table and index.
        foreach (var (operation, body) in KnownCrashers().Concat(all.OrderBy(_ => random.Next()).Take(count)))
            yield return (operation, body.Replace("@T", table, StringComparison.Ordinal).Replace("@I", index, StringComparison.Ordinal));
    }

    private static IEnumerable<(string, string)> KnownCrashers()
    {
        yield return ("PutItem", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"},"x":null}}""");
        yield return ("PutItem", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"},"x":{"M":{"y":null}}}}""");
        yield return ("PutItem", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"},"x":{"SS":[null]}}}""");
        yield return ("PutItem", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"}},"Expected":{"n":{"ComparisonOperator":"GT","AttributeValueList":[{"N":"abc"}]}}}""");
        yield return ("UpdateItem", """{"TableName":"@T","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},"AttributeUpdates":{"n":null}}""");
        yield return ("Query", """{"TableName":"@T","KeyConditions":{"pk":null}}""");
        yield return ("Scan", """{"TableName":"@T","ScanFilter":{"n":null}}""");
        yield return ("BatchGetItem", """{"RequestItems":{"@T":null}}""");
        yield return ("BatchGetItem", """{"RequestItems":{"@T":{"Keys":[null]}}}""");
        yield return ("BatchWriteItem", """{"RequestItems":{"@T":[null]}}""");
        yield return ("UpdateTable", """{"TableName":"@T","GlobalSecondaryIndexUpdates":[null]}""");
        yield return ("TagResource", """{"ResourceArn":"arn:aws:dynamodb:us-east-1:000000000000:table/@T","Tags":[{"Key":"k"}]}""");
    }

    private static List<(string Operation, string Json)> Templates() =>
    [
        ("PutItem", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"},"n":{"N":"2"},"ss":{"SS":["a"]},"m":{"M":{"l":{"L":[{"N":"1"},{"NULL":true}]}}}},"ConditionExpression":"attribute_not_exists(pk) OR n < :v","ExpressionAttributeValues":{":v":{"N":"5"}}}"""),
        ("PutItem", """{"TableName":"@T","Item":{"pk":{"S":"a"},"sk":{"S":"1"}},"Expected":{"n":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"N":"3"}]},"s":{"Value":{"S":"x"},"Exists":true}}}"""),
        ("GetItem", """{"TableName":"@T","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},"AttributesToGet":["n"]}"""),
        ("UpdateItem", """{"TableName":"@T","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},"UpdateExpression":"SET n = :one","ExpressionAttributeValues":{":one":{"N":"1"}}}"""),
        ("UpdateItem", """{"TableName":"@T","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},"AttributeUpdates":{"n":{"Action":"ADD","Value":{"N":"1"}}}}"""),
        ("DeleteItem", """{"TableName":"@T","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},"ConditionExpression":"begins_with(s, :p)","ExpressionAttributeValues":{":p":{"S":"x"}}}"""),
        ("Query", """{"TableName":"@T","KeyConditionExpression":"pk = :pk","ExpressionAttributeValues":{":pk":{"S":"a"}},"ExclusiveStartKey":{"pk":{"S":"a"},"sk":{"S":"1"}}}"""),
        ("Query", """{"TableName":"@T","KeyConditions":{"pk":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]}},"QueryFilter":{"n":{"ComparisonOperator":"NOT_NULL"}}}"""),
        ("Query", """{"TableName":"@T","IndexName":"@I","KeyConditionExpression":"#s = :s","ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":s":{"S":"x"}}}"""),
        ("Scan", """{"TableName":"@T","ScanFilter":{"n":{"ComparisonOperator":"IN","AttributeValueList":[{"N":"2"}]}},"Segment":0,"TotalSegments":2}"""),
        ("BatchGetItem", """{"RequestItems":{"@T":{"Keys":[{"pk":{"S":"a"},"sk":{"S":"1"}}],"ConsistentRead":true}}}"""),
        ("BatchWriteItem", """{"RequestItems":{"@T":[{"PutRequest":{"Item":{"pk":{"S":"b"},"sk":{"S":"1"}}}},{"DeleteRequest":{"Key":{"pk":{"S":"c"},"sk":{"S":"1"}}}}]}}"""),
        ("TransactWriteItems", """{"TransactItems":[{"Put":{"TableName":"@T","Item":{"pk":{"S":"t"},"sk":{"S":"1"}}}}]}"""),
        ("UpdateTable", """{"TableName":"@T","GlobalSecondaryIndexUpdates":[{"Update":{"IndexName":"@I","ProvisionedThroughput":{"ReadCapacityUnits":10,"WriteCapacityUnits":5}}}]}"""),
        ("TagResource", """{"ResourceArn":"arn:aws:dynamodb:us-east-1:000000000000:table/@T","Tags":[{"Key":"k","Value":"v"}]}"""),
    ];

    private static IEnumerable<List<object>> Paths(JsonNode? node, List<object> at)
    {
        yield return at;
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                foreach (var path in Paths(child, [.. at, name]))
                    yield return path;
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                foreach (var path in Paths(array[i], [.. at, i]))
                    yield return path;
            }
        }
    }

    private static string Replace(JsonNode root, List<object> path, string replacement)
    {
        if (path.Count == 0)
            return replacement;
        var copy = root.DeepClone();
        var parent = Navigate(copy, path.Take(path.Count - 1));
        var value = JsonNode.Parse(replacement);
        if (path[^1] is string name)
            parent!.AsObject()[name] = value;
        else
            parent!.AsArray()[(int)path[^1]] = value;
        return copy.ToJsonString();
    }

    private static string? Add(JsonNode root, List<object> path, string replacement)
    {
        var copy = root.DeepClone();
        var target = Navigate(copy, path);
        var value = JsonNode.Parse(replacement);
        if (target is JsonObject obj && !obj.ContainsKey("zz"))
            obj["zz"] = value;
        else if (target is JsonArray array)
            array.Add(value);
        else
            return null;
        return copy.ToJsonString();
    }

    private static JsonNode? Navigate(JsonNode node, IEnumerable<object> path)
    {
        JsonNode? at = node;
        foreach (var step in path)
            at = step is string name ? at![name] : at![(int)step];
        return at;
    }
}
