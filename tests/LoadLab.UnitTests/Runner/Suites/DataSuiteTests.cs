using LoadLab.Runner.Suites;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// Data sets as suites write them: models, locale, key templates, extra templates, sizes, custom models.
public class DataSuiteTests
{
    private const string Scenario = "\nscenarios:\n  - { name: s, table: orders, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }\n";

    [Fact]
    public void A_data_set_binds_every_option()
    {
        var plan = Parse("""
            name: t
            tables:
              orders: { name: Orders, key: { pk: S, sk: S } }
            data:
              orders:
                model: order
                items: 5000
                locale: de
                pk: "CUSTOMER#{customerId}"
                sk: "ORDER#{createdAt:yyyy-MM-dd}#{orderId}"
                templates: { gsi1pk: "STATUS#{status}", gsi1sk: "{createdAt:yyyy-MM}" }
                size: { min: 500B, max: 4KB, distribution: normal, attribute: filler }
            """ + Scenario);

        var set = Assert.Single(plan.DataSets);
        Assert.Equal("order", set.Model);
        Assert.Equal("de", set.Locale);
        Assert.Equal("CUSTOMER#{customerId}", set.PartitionKeyTemplate);
        Assert.Equal("ORDER#{createdAt:yyyy-MM-dd}#{orderId}", set.SortKeyTemplate);
        Assert.Equal([new AttributeTemplatePlan("gsi1pk", "STATUS#{status}"), new AttributeTemplatePlan("gsi1sk", "{createdAt:yyyy-MM}")], set.Templates);
        Assert.Equal(new ItemSizePlan(500, 4096, SizeDistribution.Normal) { Attribute = "filler" }, set.Size);
        Assert.Null(set.CustomFields);
    }

    [Theory]
    [InlineData("2KB", 2048, 2048)]
    [InlineData("{ target: 1.5KB }", 1536, 1536)]
    [InlineData("{ min: 100, max: 200B }", 100, 200)]
    public void Sizes_accept_a_target_or_a_range(string size, long min, long max)
    {
        var plan = Parse($$"""
            name: t
            tables:
              orders: { name: Orders, key: { pk: S, sk: S } }
            data:
              orders: { model: order, items: 10, size: {{size}} }
            """ + Scenario);

        var bound = plan.DataSets[0].Size!;
        Assert.Equal((min, max, SizeDistribution.Uniform, "padding"), (bound.MinBytes, bound.MaxBytes, bound.Distribution, bound.Attribute));
    }

    [Fact]
    public void A_custom_model_binds_its_fields_and_nested_maps()
    {
        var plan = Parse("""
            name: t
            tables:
              orders: { name: Orders, key: { pk: S } }
            data:
              orders:
                items: 100
                pk: "USER#{email}"
                model:
                  fields:
                    email: internet.email
                    amount: "finance.amount(1,500)"
                    status: "pick(NEW,PAID,SHIPPED)"
                    address: { city: address.city, zip: address.zipCode }
                    tags: "set(lorem.word, 3)"
                    scores: "list(random.int(1,100), 5)"
                    blob: "binary(16)"
                    id: index
                    rank: 7
            """ + Scenario);

        var set = plan.DataSets[0];
        Assert.Equal(DataSetPlan.CustomModelName, set.Model);
        Assert.Equal(["email", "amount", "status", "address", "tags", "scores", "blob", "id", "rank"], set.CustomFields!.Select(f => f.Name));
        Assert.Equal(["city", "zip"], set.CustomFields![3].Fields!.Select(f => f.Name));
        Assert.Equal("finance.amount(1,500)", set.CustomFields[1].Expression);
        var item = DataModels.For(set).CreateItem(set.Seed, 3, plan.Tables[0]);
        Assert.Equal("USER#" + item["email"].S, item["pk"].S);
    }

    [Fact]
    public void Every_built_in_model_loads_with_its_default_keys()
    {
        foreach (var model in SuiteValues.Models)
        {
            var plan = Parse($$"""
                name: t
                tables:
                  orders: { name: Orders, key: { pk: S, sk: S } }
                data:
                  orders: { model: {{model}}, items: 100000 }
                """ + Scenario);
            Assert.Equal(model, plan.DataSets[0].Model);
        }
    }

    [Fact]
    public void A_custom_model_can_shard_its_keys_key_indexes_and_fill_numeric_keys()
    {
        var plan = Parse("""
            name: t
            tables:
              events: { name: Events, key: { pk: S, sk: N }, indexes: { byStatus: { pk: status, sk: { name: amount, type: N } } } }
            data:
              events:
                items: 1000
                pk: "TENANT#{id:D4}#{shard(10)}"
                sk: "{index}"
                size: 1KB
                model: { fields: { id: index, status: "pick(NEW,PAID)", amount: "finance.amount(1,500)", flag: true, rank: 7 } }
            scenarios:
              - { name: s, table: events, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
            """);

        var model = DataModels.For(plan.DataSets[0]);
        var item = model.CreateItem(42, 12, plan.Tables[0]);
        Assert.Matches(@"^TENANT#0012#\d$", item["pk"].S);
        Assert.Equal("12", item["sk"].N);
        Assert.Equal(10, model.PartitionShards(plan.Tables[0]));
        Assert.True(item["flag"].BOOL);
        Assert.Equal("7", item["rank"].N);
        Assert.Equal(1024, ItemSize.Of(item));
    }
}
