using System.Globalization;
using LoadLab.Core.Execution;

namespace LoadLab.DynamoDb.Data.BuiltIn;

/// <summary>
/// Product facts that orders and products must agree on (an order line of SKU x has the price product x has), so
/// they depend on the product id alone, not on any data set's seed.
/// </summary>
internal static class Catalog
{
    /// <summary>Products orders pick from; a product data set of this size holds every SKU an order names.</summary>
    public const long Products = 10_000;

    private const long PriceSalt = 0x5052494345;

    // Order lines name catalog products over and over; their texts are made once instead of per line.
    private static readonly Lazy<(string Sku, decimal Price, string PriceText)[]> Known = new(() =>
        [.. Enumerable.Range(0, (int)Products).Select(id => (MakeSku(id), MakePrice(id), MakePrice(id).ToString("F2", CultureInfo.InvariantCulture)))]);

    public static string Sku(long productId) => productId < Products ? Known.Value[productId].Sku : MakeSku(productId);

    /// <summary>Between 0.99 and about 999.99, log-uniform (many cheap products, few expensive ones), whole cents.</summary>
    public static decimal Price(long productId) => productId < Products ? Known.Value[productId].Price : MakePrice(productId);

    /// <summary><see cref="Price"/> as N text with two decimals.</summary>
    public static string PriceText(long productId) =>
        productId < Products ? Known.Value[productId].PriceText : MakePrice(productId).ToString("F2", CultureInfo.InvariantCulture);

    private static string MakeSku(long productId) => "SKU-" + productId.ToString("D8", CultureInfo.InvariantCulture);

    private static decimal MakePrice(long productId)
    {
        double u = DeterministicHash.ToUnit(DeterministicHash.Of(productId, PriceSalt));
        double dollars = Math.Exp(Math.Log(0.99) + (u * (Math.Log(999.99) - Math.Log(0.99))));
        return Math.Round((decimal)dollars, 2);
    }
}
