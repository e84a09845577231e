using System.Globalization;
using LoadLab.DynamoDb.Data;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

public sealed class OrderAndCatalogTests
{
    private static readonly DataSetModel Orders = DataModels.For(Tables.Data("order"));

    [Fact]
    public void Total_is_the_sum_of_quantity_times_price_of_one_to_five_lines()
    {
        for (int i = 0; i < 300; i++)
        {
            var order = Orders.CreateItem(42, i, Tables.Composite);
            var lines = order["lineItems"].L;

            Assert.InRange(lines.Count, 1, 5);
            decimal sum = lines.Sum(l => Number(l.M["qty"].N) * Number(l.M["price"].N));
            Assert.Equal(sum, Number(order["total"].N));
            Assert.All(lines, l => Assert.Matches(@"^SKU-\d{8}$", l.M["sku"].S));
            Assert.Equal(["city", "country", "street", "zip"], order["shippingAddress"].M.Keys.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Statuses_follow_their_weights()
    {
        var counts = Enumerable.Range(0, 5000).Select(i => Orders.CreateItem(42, i, Tables.Composite)["status"].S)
            .GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count() / 5000.0);

        Assert.Equal(["CANCELLED", "DELIVERED", "NEW", "PAID", "SHIPPED"], counts.Keys.Order(StringComparer.Ordinal));
        Assert.InRange(counts["DELIVERED"], 0.36, 0.44);
        Assert.InRange(counts["SHIPPED"], 0.22, 0.28);
        Assert.InRange(counts["PAID"], 0.17, 0.23);
        Assert.InRange(counts["NEW"], 0.08, 0.12);
        Assert.InRange(counts["CANCELLED"], 0.035, 0.065);
    }

    [Fact]
    public void Customers_have_several_orders_and_always_the_same_address()
    {
        var orders = Enumerable.Range(0, 4000).Select(i => Orders.CreateItem(42, i, Tables.Composite)).ToList();
        var byCustomer = orders.GroupBy(o => o["customerId"].N).ToList();

        double average = orders.Count / (double)byCustomer.Count;
        Assert.InRange(average, 3.5, 4.6);
        Assert.Contains(byCustomer, g => g.Count() >= 6);
        Assert.All(byCustomer, g => Assert.Single(g.Select(o => o["shippingAddress"].M["street"].S).Distinct()));
        // The default partition key groups a customer's orders.
        Assert.All(byCustomer, g => Assert.Single(g.Select(o => o["pk"].S).Distinct()));
    }

    [Fact]
    public void Order_lines_and_products_agree_on_sku_and_price()
    {
        var products = DataModels.For(Tables.Data("product"));
        var line = Orders.CreateItem(42, 11, Tables.Composite)["lineItems"].L[0].M;
        long productId = long.Parse(line["sku"].S[4..], CultureInfo.InvariantCulture);

        var product = products.CreateItem(7, productId, Tables.Composite);

        Assert.Equal(line["sku"].S, product["sku"].S);
        Assert.Equal(line["price"].N, product["price"].N);
    }

    [Fact]
    public void Products_have_distinct_tags_stock_and_one_in_ten_sold_out()
    {
        var products = DataModels.For(Tables.Data("product"));
        var items = Enumerable.Range(0, 2000).Select(i => products.CreateItem(42, i, Tables.Composite)).ToList();

        Assert.All(items, p => Assert.InRange(p["tags"].SS.Count, 1, 4));
        Assert.All(items, p => Assert.InRange(Number(p["price"].N), 0.99m, 999.99m));
        Assert.InRange(items.Count(p => p["stock"].N == "0") / 2000.0, 0.07, 0.13);
        Assert.True(items.Select(p => p["category"].S).Distinct().Count() > 5);
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
