using System.Text;
using System.Text.Json;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Tables;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.UnitTests.Capacity.Proxy;

public sealed class KeyCodecTests
{
    private static readonly TableInfo Table = new("T", "pk", "sk", []);

    [Theory]
    [InlineData("1.50", "15E-1")]
    [InlineData("1.5", "15E-1")]
    [InlineData("15E-1", "15E-1")]
    [InlineData("-0.0", "0")]
    [InlineData("100", "1E2")]
    [InlineData("+007", "7E0")]
    public void Numbers_are_canonical_so_equal_values_are_one_key(string number, string canonical)
    {
        Assert.Equal(canonical, DynamoNumber.Canonical(Encoding.UTF8.GetBytes(number)));
    }

    [Fact]
    public void Key_text_is_type_tagged_and_routing_hashes_only_the_partition_key()
    {
        var a = KeyCodec.Read(Table, Parse("""{"pk":{"S":"42"},"sk":{"N":"1"},"other":{"S":"x"}}"""));
        var b = KeyCodec.Read(Table, Parse("""{"pk":{"S":"42"},"sk":{"N":"2"}}"""));
        var c = KeyCodec.Read(Table, Parse("""{"pk":{"N":"42"},"sk":{"N":"1"}}"""));

        Assert.Equal("S:42" + KeyCodec.Separator + "N:1E0", a.Text);
        Assert.Equal("S:42", a.PartitionText);
        Assert.Equal(a.PartitionHash, b.PartitionHash);
        Assert.NotEqual(a.Id, b.Id);
        Assert.NotEqual(a.PartitionHash, c.PartitionHash); // S "42" and N 42 are different partition keys
    }

    [Fact]
    public void Partition_hash_is_stable_sha256_prefix()
    {
        // First 8 bytes of SHA-256("S:CUSTOMER#1"), big-endian: pinned so routing never changes silently.
        Assert.Equal(Convert.ToUInt64(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("S:CUSTOMER#1"u8))[..16], 16), KeyCodec.PartitionHash("S:CUSTOMER#1"));
    }

    [Fact]
    public void A_missing_key_attribute_is_a_shape_problem_not_a_crash()
    {
        Assert.Throws<RequestShapeException>(() => KeyCodec.Read(Table, Parse("""{"pk":{"S":"a"}}""")));
        Assert.Throws<RequestShapeException>(() => KeyCodec.Read(Table, Parse("""{"pk":{"BOOL":true},"sk":{"S":"a"}}""")));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;
}
