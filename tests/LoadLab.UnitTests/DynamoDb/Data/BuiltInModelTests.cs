using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

/// <summary>What every built-in model promises: determinism by (seed, index), its fields with their kinds, sane sizes.</summary>
public sealed class BuiltInModelTests
{
    public static TheoryData<string> Models => new(DataModels.Names);

    [Theory]
    [MemberData(nameof(Models))]
    public void Items_depend_on_seed_and_index_only_not_on_thread_or_order(string name)
    {
        var model = DataModels.For(Tables.Data(name));
        const int count = 300;
        var sequential = Enumerable.Range(0, count).Select(i => ItemDump.Of(model.CreateItem(42, i, Tables.Composite))).ToArray();
        var parallel = new ConcurrentDictionary<int, string>();

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int index = count - 1 - i;
            // Other seeds in between, as several data sets seeding at once would do.
            model.CreateItem(7, index, Tables.Composite);
            parallel[index] = ItemDump.Of(model.CreateItem(42, index, Tables.Composite));
        });

        for (int i = 0; i < count; i++)
            Assert.Equal(sequential[i], parallel[i]);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Another_seed_gives_other_items_and_items_differ_from_each_other(string name)
    {
        var model = DataModels.For(Tables.Data(name));

        var items = Enumerable.Range(0, 200).Select(i => ItemDump.Of(model.CreateItem(42, i, Tables.Composite))).ToHashSet();
        int changed = Enumerable.Range(0, 50).Count(i => ItemDump.Of(model.CreateItem(42, i, Tables.Composite)) != ItemDump.Of(model.CreateItem(43, i, Tables.Composite)));

        Assert.Equal(200, items.Count);
        Assert.Equal(50, changed);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_item_has_the_schema_fields_with_their_kinds_and_the_keys(string name)
    {
        var model = DataModels.For(Tables.Data(name));

        for (int i = 0; i < 100; i++)
        {
            var item = model.CreateItem(42, i * 37, Tables.Composite);
            foreach (var field in model.Schema.Fields)
                AssertKind(field, Assert.Contains(field.Name, (IDictionary<string, AttributeValue>)item));
            Assert.NotNull(item["pk"].S);
            Assert.NotNull(item["sk"].S);
            Assert.Equal(model.Schema.Fields.Count + 2, item.Count);
            Assert.Equal(model.KeyOf(i * 37, Tables.Composite).Select(k => (k.Key, k.Value.S)), item.Where(p => p.Key is "pk" or "sk").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.S)));
        }
    }

    [Theory]
    [InlineData("customer", 120, 450)]
    [InlineData("order", 250, 1200)]
    [InlineData("product", 150, 900)]
    [InlineData("session-event", 150, 400)]
    [InlineData("iot-reading", 100, 300)]
    public void Items_have_realistic_sizes(string name, double minAverage, double maxAverage)
    {
        var sample = DataModels.For(Tables.Data(name)).SampleSizes(Tables.Composite, 500);

        Assert.InRange(sample.AverageBytes, minAverage, maxAverage);
        Assert.True(sample.MaxBytes < 4096, $"largest {name} item is {sample.MaxBytes} bytes");
        Assert.Equal(0, sample.DuplicateKeys);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Default_keys_depend_on_the_index_alone_so_any_seed_rebuilds_them(string name)
    {
        var seeded = DataModels.For(Tables.Data(name, seed: 42));
        var other = DataModels.For(Tables.Data(name, seed: 1234));

        for (int i = 0; i < 50; i++)
            Assert.Equal(ItemDump.Of(seeded.KeyOf(i, Tables.Composite)), ItemDump.Of(other.KeyOf(i, Tables.Composite)));
    }

    [Fact]
    public void Legacy_get_returns_models_with_default_keys()
    {
        Assert.Same(CustomerModel.Instance, DataModels.Get("customer"));
        var order = DataModels.Get("order");

        Assert.Equal("order", order.Name);
        Assert.Equal("CUSTOMER#", order.KeyOf(5, Tables.Composite)["pk"].S[..9]);
        Assert.Equal("ORDER#0000000005", order.KeyOf(5, Tables.Composite)["sk"].S);
    }

    [Fact]
    public void Locale_changes_texts_and_unknown_locales_are_refused()
    {
        var english = DataModels.For(Tables.Data("customer")).CreateItem(42, 3, Tables.Composite);
        var german = DataModels.For(Tables.Data("customer") with { Locale = "de" }).CreateItem(42, 3, Tables.Composite);

        Assert.NotEqual(english["name"].S, german["name"].S);
        Assert.Contains("de", DataModels.Locales);
        var ex = Assert.Throws<ArgumentException>(() => DataModels.For(Tables.Data("customer") with { Locale = "xx_YY" }));
        Assert.Contains("Unknown locale 'xx_YY'", ex.Message, StringComparison.Ordinal);
    }

    private static void AssertKind(ModelField field, AttributeValue value)
    {
        switch (field.Kind)
        {
            case FieldKind.String:
                Assert.False(string.IsNullOrEmpty(value.S), field.Name);
                break;
            case FieldKind.Date:
                Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$", value.S);
                break;
            case FieldKind.Number:
                Assert.True(decimal.TryParse(value.N, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _), field.Name);
                break;
            case FieldKind.List:
                Assert.NotNull(value.L);
                break;
            case FieldKind.Map:
                Assert.Equal(field.Fields!.Select(f => f.Name).Order(StringComparer.Ordinal), value.M.Keys.Order(StringComparer.Ordinal));
                break;
            case FieldKind.StringSet:
                Assert.NotEmpty(value.SS);
                Assert.Equal(value.SS.Count, value.SS.Distinct(StringComparer.Ordinal).Count());
                break;
            default:
                Assert.Fail($"unexpected kind {field.Kind} of {field.Name}");
                break;
        }
    }
}
