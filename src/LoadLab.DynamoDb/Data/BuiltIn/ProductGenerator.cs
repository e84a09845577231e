using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.BuiltIn;

/// <summary>
/// <c>product</c>: productId (the index), sku and price as order lines know them, name, category, stock (one in ten
/// sold out), tags (a string set of 1–4 words) and a description. Keys <c>PRODUCT#{productId:D8}</c> / <c>DETAILS</c>.
/// </summary>
internal sealed class ProductGenerator(string locale) : IItemGenerator
{
    public const string ModelName = "product";

    private const ulong NameSalt = 0x9001;
    private const ulong StockSalt = 0x9002;
    private const ulong TagsSalt = 0x9003;

    private static readonly DateTime CreatedFrom = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int CreatedRangeSeconds = 4 * 365 * 24 * 60 * 60;

    private readonly Lazy<string[]> names = new(() => LocalePools.Of(locale, "productName", f => f.Commerce.ProductName()));
    private readonly Lazy<string[]> categories = new(() => LocalePools.Of(locale, "category", f => f.Commerce.Categories(1)[0]));
    private readonly Lazy<string[]> descriptions = new(() => LocalePools.Of(locale, "productDescription", f => f.Commerce.ProductDescription()));

    // Distinct words, so a set of tags drawn from them has no duplicates after a few draws.
    private readonly Lazy<string[]> tags = new(() => LocalePools
        .Of(locale, "tag", f => (f.Random.Bool() ? f.Commerce.ProductAdjective() : f.Commerce.ProductMaterial()).ToLowerInvariant())
        .Distinct(StringComparer.Ordinal)
        .ToArray());

    public static ModelSchema SchemaOf { get; } = new(ModelName,
    [
        new("productId", FieldKind.Number),
        new("sku", FieldKind.String),
        new("name", FieldKind.String),
        new("category", FieldKind.String),
        new("price", FieldKind.Number),
        new("stock", FieldKind.Number),
        new("tags", FieldKind.StringSet),
        new("description", FieldKind.String),
        new("createdAt", FieldKind.Date),
        new(ItemAttributes.Version, FieldKind.Number),
        new(ItemAttributes.UpdatedAt, FieldKind.Date),
    ]);

    public string Name => ModelName;

    public ModelSchema Schema => SchemaOf;

    public KeyDefaults Keys { get; } = new("PRODUCT#{productId:D8}", "PRODUCT#{productId:D8}", "DETAILS", NumericSort: "0");

    public void Generate(ItemContext context, Dictionary<string, AttributeValue> item)
    {
        long productId = context.Index;
        var random = context.Stream(NameSalt);
        string name = random.Pick(names.Value);
        string category = random.Pick(categories.Value);
        string description = random.Pick(descriptions.Value);
        var createdAt = Values.Time(CreatedFrom.AddSeconds(random.Next(CreatedRangeSeconds + 1)));

        random = context.Stream(StockSalt);
        long stock = random.NextDouble() < 0.1 ? 0 : random.Between(1, 500);

        random = context.Stream(TagsSalt);
        int wanted = random.Next(1, 5);
        var tagSet = new List<string>(wanted);
        // A few extra tries instead of a shuffle: the vocabulary is far larger than four.
        for (int attempt = 0; attempt < wanted * 3 && tagSet.Count < wanted; attempt++)
        {
            string tag = random.Pick(tags.Value);
            if (!tagSet.Contains(tag))
                tagSet.Add(tag);
        }

        item["productId"] = Values.N(productId);
        item["sku"] = Values.S(Catalog.Sku(productId));
        item["name"] = Values.S(name);
        item["category"] = Values.S(category);
        item["price"] = new AttributeValue { N = Catalog.PriceText(productId) };
        item["stock"] = Values.N(stock);
        item["tags"] = new AttributeValue { SS = tagSet };
        item["description"] = Values.S(description);
        item["createdAt"] = createdAt;
        item[ItemAttributes.Version] = Values.N(1);
        item[ItemAttributes.UpdatedAt] = new AttributeValue { S = createdAt.S };
    }
}
