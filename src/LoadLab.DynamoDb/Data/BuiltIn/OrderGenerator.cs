using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.BuiltIn;

/// <summary>
/// <c>order</c>: orderId (the index); customerId (about four orders per customer, from the index alone); status
/// weighted NEW 10 %, PAID 20 %, SHIPPED 25 %, DELIVERED 40 %, CANCELLED 5 %; createdAt within 2023–2024; currency;
/// 1–5 line items {sku, qty, price} of catalog products (popular ones more often); total = Σ qty × price; and the
/// customer's shipping address as a map. Keys <c>CUSTOMER#{customerId:D10}</c> / <c>ORDER#{orderId:D10}</c>.
/// </summary>
internal sealed class OrderGenerator(string locale) : IItemGenerator
{
    public const string ModelName = "order";

    private const ulong CustomerSalt = 0x0C05;
    private const ulong OrderSalt = 0x0D01;
    private const ulong LinesSalt = 0x0D02;

    private static readonly DateTime CreatedFrom = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int CreatedRangeSeconds = 2 * 365 * 24 * 60 * 60;

    private static readonly string[] Statuses = ["NEW", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"];
    private static readonly double[] StatusWeights = Draw.Cumulative(0.10, 0.20, 0.25, 0.40, 0.05);
    private static readonly string[] Currencies = ["USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF"];
    private static readonly double[] CurrencyWeights = Draw.Cumulative(0.55, 0.20, 0.10, 0.05, 0.04, 0.03, 0.03);
    private static readonly int[] LineCounts = [1, 2, 3, 4, 5];
    private static readonly double[] LineCountWeights = Draw.Cumulative(0.35, 0.25, 0.20, 0.12, 0.08);
    private static readonly int[] Quantities = [1, 2, 3, 4, 5];
    private static readonly double[] QuantityWeights = Draw.Cumulative(0.60, 0.22, 0.10, 0.05, 0.03);

    private readonly Lazy<PostalAddress[]> addresses = new(() => PostalAddress.Pool(locale));

    public static ModelSchema SchemaOf { get; } = new(ModelName,
    [
        new("orderId", FieldKind.Number),
        new("customerId", FieldKind.Number),
        new("status", FieldKind.String),
        new("createdAt", FieldKind.Date),
        new("currency", FieldKind.String),
        new("lineItems", FieldKind.List),
        new("total", FieldKind.Number),
        new("shippingAddress", FieldKind.Map, PostalAddress.Fields),
        new(ItemAttributes.Version, FieldKind.Number),
        new(ItemAttributes.UpdatedAt, FieldKind.Date),
    ]);

    public string Name => ModelName;

    public ModelSchema Schema => SchemaOf;

    public KeyDefaults Keys { get; } = new("ORDER#{orderId:D10}", "CUSTOMER#{customerId:D10}", "ORDER#{orderId:D10}");

    /// <summary>
    /// Orders come in blocks of eight shared by two customers, split at random: 0–8 orders each, four on average,
    /// and customer ids 0 … items/4 like a customer data set of a quarter the size.
    /// </summary>
    public static long CustomerOf(long index) => ((index / 8) * 2) + Draw.FromIndex(index, CustomerSalt, 2);

    public void Generate(ItemContext context, Dictionary<string, AttributeValue> item)
    {
        long customerId = CustomerOf(context.Index);
        var random = context.Stream(OrderSalt);
        string status = random.Weighted(Statuses, StatusWeights);
        var createdAt = Values.Time(CreatedFrom.AddSeconds(random.Next(CreatedRangeSeconds + 1)));
        string currency = random.Weighted(Currencies, CurrencyWeights);

        random = context.Stream(LinesSalt);
        int count = random.Weighted(LineCounts, LineCountWeights);
        var lines = new List<AttributeValue>(count);
        decimal total = 0;
        for (int i = 0; i < count; i++)
        {
            // Squaring a uniform draw favours low ids: a few products sell far more than the rest.
            double u = random.NextDouble();
            long productId = (long)(u * u * Catalog.Products);
            int qty = random.Weighted(Quantities, QuantityWeights);
            total += qty * Catalog.Price(productId);
            lines.Add(Values.Map(new Dictionary<string, AttributeValue>(3, StringComparer.Ordinal)
            {
                ["sku"] = Values.S(Catalog.Sku(productId)),
                ["qty"] = Values.N(qty),
                ["price"] = new AttributeValue { N = Catalog.PriceText(productId) },
            }));
        }

        // The same customer ships to the same address on every order.
        var address = addresses.Value[Draw.FromIndex(customerId, CustomerSalt, LocalePools.Size)];

        item["orderId"] = Values.N(context.Index);
        item["customerId"] = Values.N(customerId);
        item["status"] = Values.S(status);
        item["createdAt"] = createdAt;
        item["currency"] = Values.S(currency);
        item["lineItems"] = Values.List(lines);
        item["total"] = Values.N2(total);
        item["shippingAddress"] = address.ToMap();
        item[ItemAttributes.Version] = Values.N(1);
        item[ItemAttributes.UpdatedAt] = new AttributeValue { S = createdAt.S };
    }
}
