using System.Globalization;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Data.Custom;
using LoadLab.DynamoDb.Data.Keys;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

public sealed class CustomModelTests
{
    // The example of the issue, field for field.
    private static readonly CustomFieldPlan[] Example =
    [
        new("email", "internet.email"),
        new("amount", "finance.amount(1,500)"),
        new("status", "pick(NEW,PAID,SHIPPED)"),
        new("address", null, [new("city", "address.city"), new("zip", "address.zipCode")]),
        new("tags", "set(lorem.word, 3)"),
        new("scores", "list(random.int(1,100), 5)"),
        new("blob", "binary(16)"),
        new("id", "index"),
    ];

    private static DataSetModel Model(params CustomFieldPlan[] fields) =>
        DataModels.For(Tables.Data(DataSetPlan.CustomModelName) with { CustomFields = fields });

    [Fact]
    public void The_example_model_makes_the_declared_types()
    {
        var model = Model(Example);

        for (int i = 0; i < 200; i++)
        {
            var item = model.CreateItem(42, i, Tables.Composite);
            Assert.Contains("@", item["email"].S, StringComparison.Ordinal);
            Assert.InRange(decimal.Parse(item["amount"].N, CultureInfo.InvariantCulture), 1m, 500m);
            Assert.Contains(item["status"].S, new[] { "NEW", "PAID", "SHIPPED" });
            Assert.Equal(["city", "zip"], item["address"].M.Keys.Order(StringComparer.Ordinal));
            Assert.InRange(item["tags"].SS.Count, 1, 3);
            Assert.Equal(item["tags"].SS.Count, item["tags"].SS.Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(5, item["scores"].L.Count);
            Assert.All(item["scores"].L, s => Assert.InRange(int.Parse(s.N, CultureInfo.InvariantCulture), 1, 100));
            Assert.Equal(16, item["blob"].B.Length);
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), item["id"].N);
            Assert.Equal("1", item[ItemAttributes.Version].N);
        }
    }

    [Fact]
    public void The_schema_gives_each_field_its_kind()
    {
        var schema = CustomModels.SchemaOf(Example);

        Assert.Equal(
            [FieldKind.String, FieldKind.Number, FieldKind.String, FieldKind.Map, FieldKind.StringSet, FieldKind.List, FieldKind.Binary, FieldKind.Number, FieldKind.Number, FieldKind.Date],
            schema.Fields.Select(f => f.Kind));
        Assert.Equal(FieldKind.String, schema.Find("address.city")!.Kind);
        Assert.Equal(FieldKind.Date, CustomModels.Check("date.past(2)"));
        Assert.Equal(FieldKind.Bool, CustomModels.Check("random.bool"));
        Assert.Equal(FieldKind.NumberSet, CustomModels.Check("set(random.int(1, 9), 1..3)"));
        Assert.Equal(FieldKind.Number, CustomModels.Check("pick(1, 2, 3)"));
        Assert.Equal(FieldKind.String, CustomModels.Check("'web'"));
        Assert.Equal(FieldKind.Number, CustomModels.Check("-12.5"));
    }

    [Fact]
    public void Items_are_deterministic_and_a_new_field_leaves_the_others_unchanged()
    {
        var model = Model(Example);
        var wider = Model([.. Example, new("note", "lorem.sentence")]);

        for (int i = 0; i < 50; i++)
        {
            var item = model.CreateItem(42, i, Tables.Composite);
            Assert.Equal(ItemDump.Of(item), ItemDump.Of(model.CreateItem(42, i, Tables.Composite)));
            var widened = wider.CreateItem(42, i, Tables.Composite);
            widened.Remove("note");
            Assert.Equal(ItemDump.Of(item), ItemDump.Of(widened));
        }
    }

    [Fact]
    public void Ranges_draw_counts_and_sizes_per_item()
    {
        var model = Model(new CustomFieldPlan("words", "list(lorem.word, 1..4)"), new CustomFieldPlan("raw", "binary(8..12)"), new CustomFieldPlan("code", "random.replace('???-###')"));

        var items = Enumerable.Range(0, 200).Select(i => model.CreateItem(1, i, Tables.Composite)).ToList();

        Assert.Equal([1, 2, 3, 4], items.Select(i => i["words"].L.Count).Distinct().Order());
        Assert.All(items, i => Assert.InRange(i["raw"].B.Length, 8, 12));
        Assert.All(items, i => Assert.Matches("^[A-Z]{3}-[0-9]{3}$", i["code"].S));
    }

    [Theory]
    [InlineData("finance.amout(1,500)", "unknown generator 'finance.amout'; finance has: account, accountName, amount")]
    [InlineData("pick()", "pick needs the values")]
    [InlineData("random.int(5, 1)", "min must not be greater than max")]
    [InlineData("random.int(1, 2, 3)", "random.int takes 2 argument(s), found 3: random.int(min=0, max=100)")]
    [InlineData("random.int('a')", "'min' of random.int must be a whole number")]
    [InlineData("list(lorem.word)", "list takes an element expression and a count")]
    [InlineData("list(lorem.word, 5000)", "the count of list must be from 0 to 1,000")]
    [InlineData("set(random.bool, 2)", "DynamoDB has no set of booleans")]
    [InlineData("binary(0)", "the count of binary must be from 1 to 409,600")]
    [InlineData("random.int(1, 2", "'(' after random.int is not closed")]
    [InlineData("'open", "not closed with '")]
    [InlineData("1..3", "a range such as 1..5 only counts elements")]
    [InlineData("lorem.words(-1)", "'count' of lorem.words must be from 0 to 10,000")]
    [InlineData("random.replace()", "random.replace needs 'format'")]
    [InlineData("index(3)", "index takes no arguments")]
    [InlineData("internet.email extra", "unexpected 'e'")]
    public void Bad_expressions_are_refused_with_what_is_wrong(string expression, string fragment)
    {
        var ex = Assert.Throws<DataDesignException>(() => CustomModels.Check(expression));

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_generators_carry_the_names_for_a_suggestion()
    {
        var ex = Assert.Throws<DataDesignException>(() => CustomModels.Check("internet.emial"));

        Assert.Equal("internet.emial", ex.Unknown);
        Assert.Contains("internet.email", ex.Candidates);
        Assert.Contains("pick", ex.Candidates);
    }

    [Fact]
    public void Every_generator_of_the_whitelist_runs_and_makes_its_kind()
    {
        foreach (var usage in CustomModels.Generators)
        {
            string name = usage.Split('(')[0];
            string expression = name == "random.replace" ? "random.replace('##')" : name;
            var model = Model(new CustomFieldPlan("value", expression));
            var value = model.CreateItem(5, 9, Tables.Composite)["value"];
            switch (CustomModels.Check(expression))
            {
                case FieldKind.Number:
                    Assert.True(decimal.TryParse(value.N, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{name}: '{value.N}'");
                    break;
                case FieldKind.Bool:
                    Assert.NotNull(value.BOOL);
                    break;
                default:
                    Assert.False(string.IsNullOrEmpty(value.S), name);
                    break;
            }
        }
    }

    [Fact]
    public void Every_generator_of_the_whitelist_is_deterministic_by_seed_and_index()
    {
        var fields = CustomModels.Generators
            .Select(usage => usage.Split('(')[0])
            .Select(name => new CustomFieldPlan(name.Replace('.', '_'), name == "random.replace" ? "random.replace('?#')" : name))
            .ToArray();
        var model = Model(fields);

        string first = ItemDump.Of(model.CreateItem(42, 11, Tables.Composite));
        for (int i = 0; i < 20; i++)
            model.CreateItem(i, i, Tables.Composite);
        string again = ItemDump.Of(model.CreateItem(42, 11, Tables.Composite));
        string other = ItemDump.Of(model.CreateItem(43, 11, Tables.Composite));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void A_field_that_does_not_compile_is_named_when_binding_the_data_set()
    {
        var ex = Assert.Throws<ArgumentException>(() => Model(new CustomFieldPlan("address", null, [new("city", "adress.city")])));

        Assert.Contains("field 'address.city'", ex.Message, StringComparison.Ordinal);
    }
}
