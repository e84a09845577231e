using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

/// <summary>The suite's <c>tracing:</c> section: bound as written, and every wrong value reported at its position.</summary>
public sealed class TracingSectionTests
{
    private const string Body = """
        name: traced
        tables:
          items: { name: Items, key: { pk: S } }
        data:
          items: { model: customer, items: 10 }
        scenarios:
          - name: browse
            table: items
            mix: { get: 1 }
            load:
              - { rate: 10, for: 5s }

        """;

    [Fact]
    public void A_suite_without_tracing_leaves_it_to_the_command_line()
    {
        Assert.Null(Parse(Body).Tracing);
    }

    [Fact]
    public void Every_setting_is_bound()
    {
        var plan = Parse(Body + "tracing: { mode: xray, rate: 0.05, reservoir: 2, slow: 250ms, alwaysKeepPerSecond: 50, service: orders-api }\n");

        var tracing = Assert.IsType<LoadLab.Core.Plans.TracingPlan>(plan.Tracing);
        Assert.Equal("xray", tracing.Mode);
        Assert.Equal(0.05, tracing.Rate);
        Assert.Equal(2, tracing.ReservoirPerSecond);
        Assert.Equal(TimeSpan.FromMilliseconds(250), tracing.SlowThreshold);
        Assert.Equal(50, tracing.AlwaysKeepPerSecond);
        Assert.Equal("orders-api", tracing.ServiceName);
    }

    [Fact]
    public void Wrong_values_are_all_reported_with_their_positions()
    {
        var errors = Errors(Body + """
            tracing:
              mode: xrya
              rate: 1.5
              slow: 2h
              sampel: 3
            """);

        Assert.Equal(4, errors.Count);
        AssertError(errors.Single(e => e.Message.Contains("tracing.mode", StringComparison.Ordinal)), 13, 9, "off, xray, otlp", "Did you mean 'xray'");
        AssertError(errors.Single(e => e.Message.Contains("tracing.rate", StringComparison.Ordinal)), 14, 9);
        AssertError(errors.Single(e => e.Message.Contains("tracing.slow", StringComparison.Ordinal)), 15, 9, "at most 1h");
        AssertError(errors.Single(e => e.Message.Contains("sampel", StringComparison.Ordinal)), 16, 3, "reservoir");
    }
}
