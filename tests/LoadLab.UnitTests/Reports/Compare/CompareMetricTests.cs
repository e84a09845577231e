using LoadLab.Core.Errors;
using LoadLab.Cli.CommandLine;
using LoadLab.Reports.Compare;

namespace LoadLab.UnitTests.Reports.Compare;

public class CompareMetricTests
{
    [Fact]
    public void Parses_percentiles_and_max_in_order_without_duplicates()
    {
        var metrics = CompareMetric.ParseList("p50,p99.9, max,p50");

        Assert.Equal(["p50", "p99.9", "max"], metrics.Select(m => m.Name));
        Assert.Equal([50, 99.9, 100], metrics.Select(m => m.Percentile));
    }

    [Theory]
    [InlineData("p100")]
    [InlineData("p0")]
    [InlineData("mean")]
    [InlineData(",")]
    public void Bad_metrics_are_usage_errors(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => CompareMetric.ParseList(text));

        Assert.Contains("--metric", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typo_gets_a_suggestion() =>
        Assert.Contains("Did you mean 'p99'?", Assert.Throws<InvalidInputException>(() => CompareMetric.ParseList("p99,q99")).Message, StringComparison.Ordinal);
}
