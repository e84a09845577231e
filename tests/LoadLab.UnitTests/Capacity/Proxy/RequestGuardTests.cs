using System.Text.Json;
using LoadLab.Capacity.Proxy.Validation;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>What the proxy refuses before the emulator sees it, and with which of DynamoDB's messages.</summary>
public sealed class RequestGuardTests
{
    [Theory]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"x":null}}""", AttributeValueCheck.NullValue)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"x":{"M":{"y":null}}}}""", AttributeValueCheck.NullValue)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"x":{"L":[{"S":"b"},null]}}}""", AttributeValueCheck.NullValue)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"x":{}}}""", AttributeValueCheck.Empty)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"x":{"S":null}}}""", AttributeValueCheck.Empty)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"x":{"Q":"1"}}}""", AttributeValueCheck.Empty)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a","N":"1"}}}""", AttributeValueCheck.MoreThanOne)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"n":{"N":"abc"}}}""", "The parameter cannot be converted to a numeric value: abc")]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"n":{"N":" 1"}}}""", "The parameter cannot be converted to a numeric value:  1")]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"n":{"N":""}}}""", AttributeValueCheck.NotNumeric)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"n":{"N":"1e126"}}}""", AttributeValueCheck.Overflow)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"n":{"N":"1e-131"}}}""", AttributeValueCheck.Underflow)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"n":{"N":"123456789012345678901234567890123456789"}}}""", AttributeValueCheck.TooPrecise)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"z":{"NULL":false}}}""", AttributeValueCheck.NullFalse)]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"s":{"SS":["a",null]}}}""", "One or more parameter values were invalid: An string set may not have a null string as a member")]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"s":{"NS":["1","x"]}}}""", "The parameter cannot be converted to a numeric value: x")]
    [InlineData("""{"TableName":"t","Key":{"pk":null}}""", AttributeValueCheck.NullValue)]
    [InlineData("""{"TableName":"t","Key":{"pk":{"S":"a"}},"Expected":{"n":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"abc"},{"N":"3"}]}}}""", "The parameter cannot be converted to a numeric value: abc")]
    [InlineData("""{"TableName":"t","Key":{"pk":{"S":"a"}},"Expected":{"n":{"Value":null,"AttributeValueList":[null]}}}""", AttributeValueCheck.NullValue)]
    [InlineData("""{"TableName":"t","Key":{"pk":{"S":"a"}},"Expected":{"n":null}}""", "1 validation error detected: Value null at 'expected.n.member' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"TableName":"t","Key":{"pk":{"S":"a"}},"AttributeUpdates":{"n":{"Action":"PUT","Value":{"N":"x1"}}}}""", "The parameter cannot be converted to a numeric value: x1")]
    [InlineData("""{"TableName":"t","KeyConditions":{"pk":null}}""", "1 validation error detected: Value null at 'keyConditions.pk.member' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"TableName":"t","ScanFilter":{"n":{"ComparisonOperator":"IN","AttributeValueList":[{}]}}}""", AttributeValueCheck.Empty)]
    [InlineData("""{"TableName":"t","ExpressionAttributeValues":{":v":null}}""", AttributeValueCheck.NullValue)]
    [InlineData("""{"TableName":"t","ExclusiveStartKey":{"pk":{"S":"a","B":"AA=="}}}""", AttributeValueCheck.MoreThanOne)]
    [InlineData("""{"RequestItems":{"tab":null}}""", "1 validation error detected: Value null at 'requestItems.tab.member' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"RequestItems":{"tab":{"Keys":[{"pk":{"S":"a"}},null]}}}""", "1 validation error detected: Value null at 'requestItems.tab.member.keys.2.member' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"RequestItems":{"tab":{"Keys":[{"pk":{"N":"NaN"}}]}}}""", "The parameter cannot be converted to a numeric value: NaN")]
    [InlineData("""{"RequestItems":{"tab":[null]}}""", "1 validation error detected: Value null at 'requestItems.tab.member.1.member' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"RequestItems":{"tab":[{"PutRequest":{"Item":{"pk":{"S":"a"},"x":null}}}]}}""", AttributeValueCheck.NullValue)]
    [InlineData("""{"TransactItems":[{"Put":{"TableName":"t","Item":{"pk":{"L":[null]}}}}]}""", AttributeValueCheck.NullValue)]
    [InlineData("""{"TableName":"t","GlobalSecondaryIndexUpdates":[null]}""", "1 validation error detected: Value null at 'globalSecondaryIndexUpdates.1.member' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"ResourceArn":"arn","Tags":[{"Key":"k"}]}""", "1 validation error detected: Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"Statement":"SELECT * FROM t WHERE pk=?","Parameters":[null]}""", AttributeValueCheck.NullValue)]
    public void Requests_the_emulator_cannot_survive_get_DynamoDB_s_message(string json, string expected)
    {
        Assert.Equal(expected, RequestGuard.Problem(JsonDocument.Parse(json).RootElement));
    }

    [Theory]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"},"n":{"N":"-1.5E+3"},"z":{"NULL":true},"m":{"M":{"l":{"L":[{"BOOL":false},{"NS":["1","2.50"]}]}}}}}""")]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a"}},"ConditionExpression":null,"ReturnValues":null}""")]
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":5}}}""")] // wrong JSON kind: the emulator's SerializationException
    [InlineData("""{"TableName":"t","Item":{"pk":{"S":"a","N":null}}}""")] // a null data type member is absent
    [InlineData("""{"TableName":"t","Key":{"pk":{"S":"a"}},"Expected":{"n":{"Value":{"N":"0"},"Exists":true}}}""")]
    [InlineData("""{"ResourceArn":"arn","Tags":[{"Key":"k","Value":""}]}""")]
    [InlineData("""{"Limit":5}""")]
    public void Acceptable_requests_pass(string json)
    {
        Assert.Null(RequestGuard.Problem(JsonDocument.Parse(json).RootElement));
    }

    [Fact]
    public async Task The_dispatcher_answers_the_refusal_itself_and_never_forwards_it()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        int before = harness.Upstream.Requests.Count;

        var reply = await harness.SendAsync("PutItem", """{"TableName":"Orders","Item":{"pk":{"S":"a"},"sk":{"S":"1"},"x":null}}""");

        Assert.Equal(400, reply.Status);
        Assert.Equal("com.amazon.coral.validate#ValidationException", reply.Type);
        Assert.Equal(AttributeValueCheck.NullValue, reply.Json.GetProperty("message").GetString());
        Assert.Equal(before, harness.Upstream.Requests.Count);
        Assert.Empty(harness.Model.Admitted);
    }

    [Fact]
    public async Task An_unsigned_request_is_left_to_the_emulator_which_checks_authentication_first()
    {
        using var harness = new ProxyHarness();
        harness.Upstream.Answer = (_, _) => (400, """{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}""");

        var reply = await harness.SendAsync("PutItem", """{"TableName":"Orders","Item":{"x":null}}""", new Dictionary<string, string> { ["Authorization"] = string.Empty });

        Assert.EndsWith("MissingAuthenticationTokenException", reply.Type);
    }
}
