using System.Text;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

public sealed class KeyDesignTests
{
    [Theory]
    [InlineData("customer", "CUSTOMER#0000000012", "PROFILE", "CUSTOMER#0000000012")]
    [InlineData("order", "CUSTOMER#", "ORDER#0000000012", "ORDER#0000000012")]
    [InlineData("product", "PRODUCT#00000012", "DETAILS", "PRODUCT#00000012")]
    [InlineData("session-event", "SESSION#", "EVENT#2025-01-01T00:00:12.", "EVENT#000000000012")]
    [InlineData("iot-reading", "DEVICE#device-00012", "2025-01-01T00:00:00.", "READING#000000000012")]
    public void Each_model_has_default_keys_for_composite_and_partition_only_tables(string model, string partition, string sort, string partitionOnly)
    {
        var data = DataModels.For(Tables.Data(model));

        var composite = data.KeyOf(12, Tables.Composite);
        var single = data.KeyOf(12, Tables.PartitionOnly);

        Assert.StartsWith(partition, composite["pk"].S, StringComparison.Ordinal);
        Assert.StartsWith(sort, composite["sk"].S, StringComparison.Ordinal);
        Assert.Equal(partitionOnly, Assert.Single(single).Value.S);
    }

    [Theory]
    [InlineData("customer", null, true)]
    [InlineData("order", null, true)]
    [InlineData("product", null, true)]
    [InlineData("session-event", null, false)]
    [InlineData("iot-reading", null, false)]
    [InlineData("customer", "ITEM#{index}", false)]
    public void A_key_is_the_key_of_its_item_whether_or_not_it_is_made_without_the_item(string model, string? template, bool readsFields)
    {
        var dataSet = Tables.Data(model) with { PartitionKeyTemplate = template };
        var data = DataModels.For(dataSet);

        // Keys that read no field are made without generating the item (a get's hot path); the others regenerate it.
        Assert.Equal(readsFields, ((DataSetModel)data).KeysFor(Tables.PartitionOnly).KeyReadsFields);
        foreach (var table in template is null ? new[] { Tables.Composite, Tables.PartitionOnly } : [Tables.PartitionOnly])
        {
            for (int i = 0; i < 50; i++)
            {
                var item = data.CreateItem(dataSet.Seed, i, table);
                var key = data.KeyOf(i, table);
                Assert.All(key, k => Assert.Equal(item[k.Key].S, k.Value.S));
            }
        }
    }

    [Fact]
    public void Numeric_and_binary_keys_get_numeric_defaults_and_utf8_bytes()
    {
        var numeric = Tables.Composite with { PartitionKey = new KeyAttribute("id", "N"), SortKey = new KeyAttribute("n", "N") };
        var binary = Tables.PartitionOnly with { PartitionKey = new KeyAttribute("pk", "B") };
        var orders = DataModels.For(Tables.Data("order"));

        var key = orders.KeyOf(77, numeric);

        Assert.Equal(("77", "77"), (key["id"].N, key["n"].N));
        Assert.Equal("0", CustomerModel.Instance.KeyOf(77, numeric)["n"].N);
        Assert.Equal("ORDER#0000000077", Encoding.UTF8.GetString(orders.KeyOf(77, binary)["pk"].B.ToArray()));
    }

    [Fact]
    public void Templates_of_the_data_set_build_the_keys_and_a_get_rebuilds_them()
    {
        var data = DataModels.For(Tables.Data("order") with
        {
            PartitionKeyTemplate = "CUSTOMER#{customerId}",
            SortKeyTemplate = "ORDER#{createdAt:yyyy-MM-dd}#{orderId}",
            Templates = [new("gsi1pk", "STATUS#{status}"), new("gsi1sk", "{createdAt:yyyy-MM}")],
        });

        for (int i = 0; i < 100; i++)
        {
            var item = data.CreateItem(42, i, Tables.Composite);
            var key = data.KeyOf(i, Tables.Composite);

            Assert.Equal("CUSTOMER#" + item["customerId"].N, item["pk"].S);
            Assert.Equal($"ORDER#{item["createdAt"].S[..10]}#{i}", item["sk"].S);
            Assert.Equal((item["pk"].S, item["sk"].S), (key["pk"].S, key["sk"].S));
            Assert.Equal("STATUS#" + item["status"].S, item["gsi1pk"].S);
            Assert.Equal(item["createdAt"].S[..7], item["gsi1sk"].S);
            Assert.Equal(item["gsi1pk"].S, data.ValueOf(i, "gsi1pk", Tables.Composite)!.S);
        }
    }

    [Fact]
    public void A_template_attribute_that_keys_a_numeric_index_is_written_as_a_number()
    {
        var table = Tables.Composite with { Indexes = [new IndexPlan { Name = "byDay", PartitionKey = new KeyAttribute("day", "N") }] };
        var data = DataModels.For(Tables.Data("order") with { Templates = [new("day", "{createdAt:yyyyMMdd}")] });

        var item = data.CreateItem(42, 3, table);

        Assert.Matches(@"^20\d{6}$", item["day"].N);
        Assert.Null(item["day"].S);
    }

    [Fact]
    public void Write_sharding_exposes_the_shard_count_and_every_shard_of_a_key()
    {
        var data = DataModels.For(Tables.Data("order") with { PartitionKeyTemplate = "CUSTOMER#{customerId}#{shard(4)}" });

        var design = data.KeysFor(Tables.Composite);
        var shards = Enumerable.Range(0, 4).Select(s => data.PartitionKeyOf(9, s, Tables.Composite).S).ToList();
        string own = data.KeyOf(9, Tables.Composite)["pk"].S;

        Assert.Equal(4, design.PartitionShards);
        Assert.Equal(4, ((IDataModel)data).PartitionShards(Tables.Composite));
        Assert.Equal(4, shards.Distinct().Count());
        Assert.Contains(own, shards);
        Assert.All(shards, s => Assert.StartsWith(own[..^1], s, StringComparison.Ordinal));
        Assert.Equal(1, DataModels.For(Tables.Data("order")).PartitionShards(Tables.Composite));
    }

    [Fact]
    public void Templates_that_do_not_fit_the_table_are_refused_clearly()
    {
        var numeric = Tables.PartitionOnly with { PartitionKey = new KeyAttribute("id", "N") };

        var text = Assert.Throws<ArgumentException>(() => DataModels.For(Tables.Data("order") with { PartitionKeyTemplate = "O#{orderId}" }).KeyOf(1, numeric));
        var noSort = Assert.Throws<ArgumentException>(() => DataModels.For(Tables.Data("order") with { SortKeyTemplate = "{orderId}" }).KeyOf(1, Tables.PartitionOnly));
        var clash = Assert.Throws<ArgumentException>(() => DataModels.For(Tables.Data("order") with { Templates = [new("status", "{orderId}")] }).KeyOf(1, Tables.Composite));
        var unknown = Assert.Throws<ArgumentException>(() => DataModels.For(Tables.Data("order") with { PartitionKeyTemplate = "{custId}" }).KeyOf(1, Tables.Composite));

        Assert.Contains("'id' is N, but its partition key template 'O#{orderId}' does not always make a number", text.Message, StringComparison.Ordinal);
        Assert.Contains("table 'items' has no sort key", noSort.Message, StringComparison.Ordinal);
        Assert.Contains("already a field of model order", clash.Message, StringComparison.Ordinal);
        Assert.Contains("unknown field 'custId'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sampling_reports_average_units_and_colliding_keys()
    {
        var good = DataModels.For(Tables.Data("order")).SampleSizes(Tables.Composite, 400);
        var colliding = DataModels.For(Tables.Data("order") with { PartitionKeyTemplate = "STATUS#{status}" }).SampleSizes(Tables.PartitionOnly, 400);

        Assert.Equal(400, good.Samples);
        Assert.Equal(0, good.DuplicateKeys);
        Assert.True(good.MinBytes <= good.AverageBytes && good.AverageBytes <= good.MaxBytes);
        Assert.Equal(1, good.AverageWriteUnits);
        Assert.Equal(5, colliding.DistinctPartitionKeys);
        Assert.Equal(395, colliding.DuplicateKeys);
    }
}
