using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

/// <summary>A suite's <c>metrics:</c> section: which CloudWatch EMF output a run writes without --metrics.</summary>
public sealed class MetricsSectionTests
{
    private const string Suite = "name: s\ntables: { t: { name: t, key: { pk: S } } }\nscenarios: [ { name: a, table: t, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] } ]\n";

    [Theory]
    [InlineData("metrics: { emf: file }\n", "file")]
    [InlineData("metrics: { emf: stdout }\n", "stdout")]
    [InlineData("metrics: {}\n", "off")]
    public void The_section_names_the_emf_output(string section, string expected)
    {
        Assert.Equal(expected, Parse(Suite + section).Metrics?.Emf);
    }

    [Fact]
    public void Without_the_section_there_is_none()
    {
        Assert.Null(Parse(Suite).Metrics);
    }

    [Fact]
    public void A_wrong_value_or_key_is_reported_at_its_line()
    {
        Assert.Contains("metrics.emf", SingleError(Suite + "metrics: { emf: yes }\n").ToString(), StringComparison.Ordinal);
        Assert.Contains("otlp", SingleError(Suite + "metrics: { otlp: true }\n").ToString(), StringComparison.Ordinal);
    }
}
