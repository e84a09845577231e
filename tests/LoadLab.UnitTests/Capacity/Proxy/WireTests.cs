using System.Text;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.UnitTests.Capacity.Proxy;

public sealed class WireTests
{
    [Theory]
    [InlineData("DynamoDB_20120810.GetItem", true, "GetItem")]
    [InlineData("DynamoDB_20120810.TransactWriteItems", true, "TransactWriteItems")]
    [InlineData("DynamoDB_20120810.DescribeTable", true, "DescribeTable")]
    [InlineData("DynamoDB_20120810.ListTables", true, "PassThrough")]
    [InlineData("DynamoDB_20120810.DescribeTimeToLive", true, "PassThrough")]
    [InlineData("DynamoDB_20120810.Frobnicate", false, "PassThrough")]
    [InlineData("DynamoDB_20111205.GetItem", false, "PassThrough")]
    [InlineData("dynamodb_20120810.GetItem", false, "PassThrough")]
    [InlineData("", false, "PassThrough")]
    [InlineData(null, false, "PassThrough")]
    public void Routes_by_target(string? target, bool known, string operation)
    {
        Assert.Equal(known, OperationRouter.TryRoute(target, out var routed, out _));
        Assert.Equal(Enum.Parse<DynamoOperation>(operation), routed);
    }

    [Theory]
    [InlineData("attempt=3; max=11", 3, 11)]
    [InlineData("attempt=1;max=3", 1, 3)]
    [InlineData("max=4; attempt=2; ttl=20260101T000000Z", 2, 4)]
    [InlineData("attempt=x; max=-1", null, null)]
    [InlineData("garbage", null, null)]
    [InlineData(null, null, null)]
    public void Reads_the_sdk_attempt_header(string? header, int? attempt, int? max)
    {
        var parsed = AttemptHeaders.Parse("b7e0f7b4-4a3c-4f5a-9f8e-1f2d3c4b5a69", header);

        Assert.Equal(attempt, parsed.Attempt);
        Assert.Equal(max, parsed.MaxAttempts);
        Assert.Equal("b7e0f7b4-4a3c-4f5a-9f8e-1f2d3c4b5a69", parsed.InvocationId);
    }

    [Fact]
    public void Request_ids_are_52_characters_of_A_Z_and_0_9()
    {
        string id = RequestIds.New();

        Assert.Equal(52, id.Length);
        Assert.All(id, c => Assert.True(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)));
        Assert.NotEqual(id, RequestIds.New());
    }

    [Fact]
    public void Splice_drops_and_appends_top_level_members_and_copies_the_rest_verbatim()
    {
        var json = """{ "Items" : [ {"a":{"S":"x"}} ],"ConsumedCapacity":{"TableName":"T","CapacityUnits":1},"Count":1 }"""u8;

        using var output = JsonSplice.Rewrite(json, ["ConsumedCapacity"], w => w.WriteNumber("Extra", 2));

        Assert.Equal("""{"Items" : [ {"a":{"S":"x"}} ],"Count":1,"Extra":2}""", Encoding.UTF8.GetString(output.Span));
    }

    [Theory]
    [InlineData("{}", "{}")]
    [InlineData("""{"A":1}""", "{}")]
    [InlineData("""{"A":1,"B":{"C":[1,2]}}""", """{"B":{"C":[1,2]}}""")]
    public void Splice_handles_empty_and_all_removed_objects(string input, string expected)
    {
        using var output = JsonSplice.Rewrite(Encoding.UTF8.GetBytes(input), ["A"], null);

        Assert.Equal(expected, Encoding.UTF8.GetString(output.Span));
    }

    [Theory]
    [InlineData("""{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"x"}""", "ConditionalCheckFailedException")]
    [InlineData("""{"message":"x","__type":"com.amazon.coral.validate#ValidationException:http://internal"}""", "ValidationException")]
    [InlineData("""{"__type":"ResourceNotFoundException"}""", "ResourceNotFoundException")]
    [InlineData("not json", null)]
    public void Reads_error_names_as_the_sdks_do(string body, string? name)
    {
        Assert.Equal(name, UpstreamResponse.ReadErrorType(Encoding.UTF8.GetBytes(body)));
    }
}
