using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// The duplicate-key check samples item indexes; with fewer items than twice its sample it used to draw one index
// twice and report the item as clashing with itself.
public class DataKeyUniquenessTests
{
    [Theory]
    [InlineData(257)]
    [InlineData(300)]
    [InlineData(500)]
    [InlineData(511)]
    public void Unique_keys_pass_whatever_the_item_count(int items)
    {
        var plan = Parse($$"""
            name: s
            tables: { t: { name: t, key: { pk: S } } }
            data: { t: { model: customer, items: {{items}}, pk: "C#{index}" } }
            scenarios: [ { name: a, table: t, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] } ]
            """);

        Assert.Equal(items, plan.DataSets[0].Items);
    }
}
