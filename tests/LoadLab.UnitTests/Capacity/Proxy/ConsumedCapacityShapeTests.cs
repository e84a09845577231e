using System.Text;
using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using static LoadLab.UnitTests.Capacity.Proxy.Items;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>ConsumedCapacity in exactly the shape asked for (§1.8): NONE, TOTAL, INDEXES; objects and arrays.</summary>
public sealed class ConsumedCapacityShapeTests
{
    private static ChargeSheet Sheet()
    {
        var sheet = new ChargeSheet();
        sheet.AddGlobalIndex("Orders", "byStatus", CapacityDimension.Write, 2, 1, "k");
        sheet.AddLocalIndex("Orders", "byDate", CapacityDimension.Write, 1, 1, "k");
        sheet.AddTable("Orders", CapacityDimension.Write, 3, 1, "k");
        return sheet;
    }

    [Fact]
    public void NONE_writes_nothing()
    {
        Assert.Equal("{}", Write(w => ConsumedCapacityWriter.WriteSingle(w, ConsumedCapacityMode.None, "Orders", Sheet(), CapacityShape.Standard)));
    }

    [Fact]
    public void TOTAL_writes_the_table_name_and_the_sum()
    {
        Assert.Equal(
            """{"ConsumedCapacity":{"TableName":"Orders","CapacityUnits":6}}""",
            Write(w => ConsumedCapacityWriter.WriteSingle(w, ConsumedCapacityMode.Total, "Orders", Sheet(), CapacityShape.Standard)));
    }

    [Fact]
    public void Units_summed_from_a_scans_shares_carry_no_binary_noise()
    {
        var sheet = new ChargeSheet();
        // A Scan spreads 127.5 units over partitions by their bytes (1:4:2 here); the shares add up to 127.50000000000001.
        foreach (int bytes in new[] { 1, 4, 2 })
            sheet.AddTable("Orders", CapacityDimension.Read, 127.5 * bytes / 7, 1, "k");
        Assert.NotEqual(127.5, sheet.Find("Orders")!.TableUnits);

        Assert.Equal(
            """{"ConsumedCapacity":{"TableName":"Orders","CapacityUnits":127.5}}""",
            Write(w => ConsumedCapacityWriter.WriteSingle(w, ConsumedCapacityMode.Total, "Orders", sheet, CapacityShape.Standard)));
    }

    [Fact]
    public void INDEXES_adds_the_table_arm_and_the_index_maps()
    {
        Assert.Equal(
            Quotes("{'ConsumedCapacity':{'TableName':'Orders','CapacityUnits':6,'Table':{'CapacityUnits':3},"
                + "'GlobalSecondaryIndexes':{'byStatus':{'CapacityUnits':2}},'LocalSecondaryIndexes':{'byDate':{'CapacityUnits':1}}}}"),
            Write(w => ConsumedCapacityWriter.WriteSingle(w, ConsumedCapacityMode.Indexes, "Orders", Sheet(), CapacityShape.Standard)));
    }

    [Fact]
    public void Transactions_mirror_units_at_every_level_and_batches_write_an_array()
    {
        Assert.Equal(
            Quotes("{'ConsumedCapacity':[{'TableName':'Orders','CapacityUnits':6,'WriteCapacityUnits':6,'Table':{'CapacityUnits':3,'WriteCapacityUnits':3},"
                + "'GlobalSecondaryIndexes':{'byStatus':{'CapacityUnits':2,'WriteCapacityUnits':2}},'LocalSecondaryIndexes':{'byDate':{'CapacityUnits':1,'WriteCapacityUnits':1}}},"
                + "{'TableName':'Other','CapacityUnits':0,'WriteCapacityUnits':0,'Table':{'CapacityUnits':0,'WriteCapacityUnits':0}}]}"),
            Write(w => ConsumedCapacityWriter.WriteArray(w, ConsumedCapacityMode.Indexes, ["Orders", "Other"], Sheet(), new CapacityShape(true, CapacityDimension.Write))));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("NONE", null)]
    [InlineData("TOTAL", """{"TableName":"Orders","CapacityUnits":0.5}""")]
    [InlineData("INDEXES", """{"TableName":"Orders","CapacityUnits":0.5,"Table":{"CapacityUnits":0.5}}""")]
    public async Task GetItem_answers_carry_the_proxys_capacity_in_the_shape_asked_and_never_the_emulators(string? mode, string? expected)
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        // The emulator's own figure must never reach the client.
        harness.Upstream.Answer = (_, _) => (200, "{\"Item\":" + Item("a", "1") + (mode is null or "NONE" ? "" : ",\"ConsumedCapacity\":{\"TableName\":\"Orders\",\"CapacityUnits\":99}") + "}");

        var reply = await harness.SendAsync("GetItem", """{"TableName":"Orders","Key":{"pk":{"S":"a"},"sk":{"S":"1"}}""" + (mode is null ? "" : ",\"ReturnConsumedCapacity\":\"" + mode + "\"") + "}");

        Assert.Equal(expected, reply.Json.TryGetProperty("ConsumedCapacity", out var consumed) ? consumed.GetRawText() : null);
        Assert.Equal(LoadLab.Capacity.Proxy.Wire.Crc32.HeaderValue(reply.Bytes), reply.Headers["x-amz-crc32"]);
        Assert.Equal("UPSTREAMREQUESTID", reply.Headers["x-amzn-RequestId"]); // the emulator's request id is kept
    }

    private static string Quotes(string json) => json.Replace('\'', '"');

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
