using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.UnitTests.DynamoDb;

public sealed class CustomerModelTests
{
    private static readonly TablePlan StringKeys = new()
    {
        Id = "customers",
        Name = "Customers",
        PartitionKey = new KeyAttribute("pk", "S"),
        SortKey = new KeyAttribute("sk", "S"),
    };

    private static readonly CustomerModel Model = CustomerModel.Instance;

    [Fact]
    public void Same_seed_and_index_give_byte_identical_items_whatever_was_generated_before()
    {
        string first = ItemText.Of(Model.CreateItem(42, 7, StringKeys));
        for (int i = 0; i < 50; i++)
            Model.CreateItem(99, i, StringKeys);
        string again = ItemText.Of(Model.CreateItem(42, 7, StringKeys));

        Assert.Equal(first, again);
    }

    [Fact]
    public void Items_do_not_depend_on_thread_or_order()
    {
        const int count = 400;
        var sequential = Enumerable.Range(0, count).Select(i => ItemText.Of(Model.CreateItem(42, i, StringKeys))).ToArray();
        var parallel = new ConcurrentDictionary<int, string>();

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            parallel[count - 1 - i] = ItemText.Of(Model.CreateItem(42, count - 1 - i, StringKeys)));

        for (int i = 0; i < count; i++)
            Assert.Equal(sequential[i], parallel[i]);
    }

    [Fact]
    public void Different_index_or_seed_gives_a_different_item()
    {
        var items = Enumerable.Range(0, 200).Select(i => ItemText.Of(Model.CreateItem(42, i, StringKeys))).ToHashSet();
        var names = Enumerable.Range(0, 200).Select(i => Model.CreateItem(42, i, StringKeys)["email"].S).Distinct().Count();

        Assert.Equal(200, items.Count);
        Assert.True(names > 150, $"only {names} distinct emails in 200 items");
        Assert.NotEqual(Model.CreateItem(42, 3, StringKeys)["name"].S, Model.CreateItem(43, 3, StringKeys)["name"].S);
    }

    [Fact]
    public void Item_has_the_customer_attributes_with_invariant_values()
    {
        var item = Model.CreateItem(42, 12, StringKeys);

        Assert.Equal("CUSTOMER#0000000012", item["pk"].S);
        Assert.Equal("PROFILE", item["sk"].S);
        Assert.Equal("12", item["customerId"].N);
        foreach (var name in new[] { "name", "email", "phone", "city", "country", "createdAt", "tier", "updatedAt" })
            Assert.False(string.IsNullOrWhiteSpace(item[name].S), name);
        Assert.Contains("@", item["email"].S, StringComparison.Ordinal);
        Assert.Contains(item["tier"].S, new[] { "bronze", "silver", "gold", "platinum" });
        Assert.True(decimal.TryParse(item["balance"].N, NumberStyles.Number, CultureInfo.InvariantCulture, out var balance) && balance >= 0);
        Assert.True(DateTime.TryParseExact(item["createdAt"].S, ItemAttributes.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var created));
        Assert.InRange(created, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal("1", item[ItemAttributes.Version].N);
    }

    [Fact]
    public void KeyOf_matches_the_key_attributes_of_the_item()
    {
        var key = Model.KeyOf(12, StringKeys);
        var item = Model.CreateItem(42, 12, StringKeys);

        Assert.Equal(2, key.Count);
        Assert.Equal(item["pk"].S, key["pk"].S);
        Assert.Equal(item["sk"].S, key["sk"].S);
    }

    [Fact]
    public void Numeric_partition_key_holds_the_index_and_no_sort_key_is_added_without_one()
    {
        var table = StringKeys with { PartitionKey = new KeyAttribute("id", "N"), SortKey = null };

        var key = Model.KeyOf(1234, table);

        Assert.Equal("1234", Assert.Single(key).Value.N);
        Assert.Equal("1234", Model.CreateItem(1, 1234, table)["id"].N);
        Assert.False(Model.CreateItem(1, 1234, table).ContainsKey("sk"));
    }

    [Fact]
    public void Binary_partition_key_holds_the_utf8_of_the_string_key()
    {
        var table = StringKeys with { PartitionKey = new KeyAttribute("pk", "B") };

        var key = Model.KeyOf(5, table);

        Assert.Equal("CUSTOMER#0000000005", Encoding.UTF8.GetString(key["pk"].B.ToArray()));
    }

    [Fact]
    public void Unknown_key_type_is_rejected_with_the_allowed_types()
    {
        var table = StringKeys with { PartitionKey = new KeyAttribute("pk", "SS") };

        var ex = Assert.Throws<ArgumentException>(() => Model.KeyOf(1, table));
        Assert.Contains("S, N and B", ex.Message, StringComparison.Ordinal);
    }
}
