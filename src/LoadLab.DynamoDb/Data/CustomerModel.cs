using LoadLab.Core.Execution;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Bogus;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Data;

/// <summary>
/// A customer profile of about 250 bytes: name, email, phone, city, country, createdAt, tier and balance.
/// Partition key <c>CUSTOMER#{index:D10}</c>, sort key <c>PROFILE</c>.
/// </summary>
public sealed class CustomerModel : IDataModel
{
    public const string ModelName = "customer";
    public const string KeyPrefix = "CUSTOMER#";
    public const string SortKeyValue = "PROFILE";

    public static readonly CustomerModel Instance = new();

    // Fixed instead of "now" so an item does not change with the day it is generated on.
    private static readonly DateTime CreatedFrom = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int CreatedRangeSeconds = 5 * 365 * 24 * 60 * 60;

    private static readonly string[] Tiers = ["bronze", "silver", "gold", "platinum"];
    private static readonly float[] TierWeights = [0.60f, 0.25f, 0.12f, 0.03f];

    // A Faker loads its locale data and builds a dozen data sets, which is too slow per item; one per thread is
    // safe because every item replaces its Randomizer before drawing anything.
    [ThreadStatic]
    private static Faker? threadFaker;

    public string Name => ModelName;

    public Dictionary<string, AttributeValue> CreateItem(long seed, long index, TablePlan table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var faker = threadFaker ??= new Faker("en");
        // Reseeding from (seed, index) alone makes the item independent of what this thread generated before.
        faker.Random = new Randomizer(unchecked((int)DeterministicHash.Of(seed, index)));

        string first = faker.Name.FirstName();
        string last = faker.Name.LastName();
        string email = faker.Internet.Email(first, last);
        string phone = faker.Phone.PhoneNumber();
        string city = faker.Address.City();
        string country = faker.Address.Country();
        string createdAt = CreatedFrom.AddSeconds(faker.Random.Int(0, CreatedRangeSeconds))
            .ToString(ItemAttributes.TimestampFormat, CultureInfo.InvariantCulture);
        string tier = faker.Random.WeightedRandom(Tiers, TierWeights);
        // Whole cents, so the N value has an exact decimal text.
        decimal balance = faker.Random.Int(0, 2_500_000) / 100m;

        var item = new Dictionary<string, AttributeValue>(14, StringComparer.Ordinal)
        {
            ["customerId"] = new() { N = index.ToString(CultureInfo.InvariantCulture) },
            ["name"] = new() { S = first + " " + last },
            ["email"] = new() { S = email },
            ["phone"] = new() { S = phone },
            ["city"] = new() { S = city },
            ["country"] = new() { S = country },
            ["createdAt"] = new() { S = createdAt },
            ["tier"] = new() { S = tier },
            ["balance"] = new() { N = balance.ToString("0.00", CultureInfo.InvariantCulture) },
            [ItemAttributes.Version] = new() { N = "1" },
            [ItemAttributes.UpdatedAt] = new() { S = createdAt },
        };
        // Last, so the key wins if a table happens to name its key like a data attribute.
        ItemKeys.AddKey(item, table, KeyPrefix, index, SortKeyValue);
        return item;
    }

    public Dictionary<string, AttributeValue> KeyOf(long index, TablePlan table) =>
        ItemKeys.KeyOf(table, KeyPrefix, index, SortKeyValue);
}
