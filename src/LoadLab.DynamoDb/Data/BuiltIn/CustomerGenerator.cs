using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.BuiltIn;

/// <summary>
/// <c>customer</c>: a profile of about 250 bytes: customerId (the index), name, email, phone, city, country, createdAt,
/// tier (weighted bronze to platinum) and balance. Keys <c>CUSTOMER#{customerId:D10}</c> / <c>PROFILE</c>.
/// </summary>
internal sealed class CustomerGenerator(string locale) : IItemGenerator
{
    public const string ModelName = "customer";

    private const ulong PersonSalt = 0xC051;
    private const ulong PhoneSalt = 0xC052;
    private const ulong AddressSalt = 0xC053;
    private const ulong ProfileSalt = 0xC054;

    private static readonly DateTime CreatedFrom = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int CreatedRangeSeconds = 5 * 365 * 24 * 60 * 60;

    private static readonly string[] Tiers = ["bronze", "silver", "gold", "platinum"];
    private static readonly double[] TierWeights = Draw.Cumulative(0.60, 0.25, 0.12, 0.03);

    private readonly Lazy<string[]> first = new(() => Names.First(locale));
    private readonly Lazy<string[]> last = new(() => Names.Last(locale));
    private readonly Lazy<PostalAddress[]> addresses = new(() => PostalAddress.Pool(locale));

    public static ModelSchema SchemaOf { get; } = new(ModelName,
    [
        new("customerId", FieldKind.Number),
        new("name", FieldKind.String),
        new("email", FieldKind.String),
        new("phone", FieldKind.String),
        new("city", FieldKind.String),
        new("country", FieldKind.String),
        new("createdAt", FieldKind.Date),
        new("tier", FieldKind.String),
        new("balance", FieldKind.Number),
        new(ItemAttributes.Version, FieldKind.Number),
        new(ItemAttributes.UpdatedAt, FieldKind.Date),
    ]);

    public string Name => ModelName;

    public ModelSchema Schema => SchemaOf;

    public KeyDefaults Keys { get; } = new("CUSTOMER#{customerId:D10}", "CUSTOMER#{customerId:D10}", "PROFILE", NumericSort: "0");

    public void Generate(ItemContext context, Dictionary<string, AttributeValue> item)
    {
        var random = context.Stream(PersonSalt);
        string firstName = random.Pick(first.Value);
        string lastName = random.Pick(last.Value);
        // Bogus makes the email from the names (transliterated for non-Latin locales), so it matches the person.
        string email = context.Faker.Internet.Email(firstName, lastName);
        string phone = context.FakerStream(PhoneSalt).Phone.PhoneNumber();
        var address = context.Stream(AddressSalt).Pick(addresses.Value);

        random = context.Stream(ProfileSalt);
        var createdAt = Values.Time(CreatedFrom.AddSeconds(random.Next(CreatedRangeSeconds + 1)));
        string tier = random.Weighted(Tiers, TierWeights);
        // Whole cents, so the N value has an exact decimal text.
        decimal balance = random.Next(2_500_001) / 100m;

        item["customerId"] = Values.N(context.Index);
        item["name"] = Values.S(firstName + " " + lastName);
        item["email"] = Values.S(email);
        item["phone"] = Values.S(phone);
        item["city"] = Values.S(address.City);
        item["country"] = Values.S(address.Country);
        item["createdAt"] = createdAt;
        item["tier"] = Values.S(tier);
        item["balance"] = Values.N2(balance);
        item[ItemAttributes.Version] = Values.N(1);
        item[ItemAttributes.UpdatedAt] = new AttributeValue { S = createdAt.S };
    }
}
