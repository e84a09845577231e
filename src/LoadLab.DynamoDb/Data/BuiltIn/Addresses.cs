using Amazon.DynamoDBv2.Model;
using Bogus;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.BuiltIn;

/// <summary>A postal address made by Bogus as a whole, so street, city and zip code come from the same locale call.</summary>
internal sealed record PostalAddress(string Street, string City, string ZipCode, string Country)
{
    public static readonly ModelField[] Fields =
    [
        new("street", FieldKind.String),
        new("city", FieldKind.String),
        new("zip", FieldKind.String),
        new("country", FieldKind.String),
    ];

    public static PostalAddress[] Pool(string locale) =>
        LocalePools.Of(locale, "address", f => new PostalAddress(f.Address.StreetAddress(), f.Address.City(), f.Address.ZipCode(), f.Address.Country()));

    public AttributeValue ToMap() => Values.Map(new Dictionary<string, AttributeValue>(4, StringComparer.Ordinal)
    {
        ["street"] = Values.S(Street),
        ["city"] = Values.S(City),
        ["zip"] = Values.S(ZipCode),
        ["country"] = Values.S(Country),
    });
}

/// <summary>Pools of names, for models that need many people cheaply (Bogus takes about 2 µs per name).</summary>
internal static class Names
{
    public static string[] First(string locale) => LocalePools.Of(locale, "firstName", (Faker f) => f.Name.FirstName());

    public static string[] Last(string locale) => LocalePools.Of(locale, "lastName", (Faker f) => f.Name.LastName());
}
