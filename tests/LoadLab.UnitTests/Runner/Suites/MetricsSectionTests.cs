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

    [Fact]
    public void The_section_turns_the_OTLP_export_on_with_its_interval()
    {
        var plan = Parse(Suite + "metrics: { emf: file, otlp: on, otlpInterval: 10s }\n").Metrics!;

        Assert.Equal(("file", "on", TimeSpan.FromSeconds(10)), (plan.Emf, plan.Otlp, plan.OtlpInterval));
        Assert.Equal(("off", null), (Parse(Suite + "metrics: { emf: file }\n").Metrics!.Otlp, Parse(Suite + "metrics: { emf: file }\n").Metrics!.OtlpInterval));
    }

    [Theory]
    [InlineData("metrics: { otlp: yes }\n", "metrics.otlp")]
    [InlineData("metrics: { otlp: on, otlpInterval: 200ms }\n", "metrics.otlpInterval: must be from 1s to 1h")]
    [InlineData("metrics: { otlp: on, otlpInterval: soon }\n", "metrics.otlpInterval")]
    [InlineData("metrics: { otlp: on, interval: 5s }\n", "allowed: emf, otlp, otlpInterval")]
    public void A_wrong_OTLP_value_is_reported_at_its_line_with_what_is_allowed(string section, string message)
    {
        var error = SingleError(Suite + section).ToString();

        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains(":4:", error, StringComparison.Ordinal);
    }
}
