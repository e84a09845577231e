using LoadLab.Capacity.Proxy.Faults;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>The fault entries of simulator.faults and --simulator faults.NAME=…: one grammar, every problem named.</summary>
public sealed class FaultSettingsTests
{
    private static (FaultSettings Settings, List<(string Name, string Error)> Errors) Parse(params (string Name, string Text)[] entries)
    {
        var errors = new List<(string Name, string Error)>();
        return (FaultSettings.Parse(entries.Select(e => KeyValuePair.Create(e.Name, e.Text)), errors), errors);
    }

    [Fact]
    public void Rates_windows_and_a_latency_distribution_become_rules_in_the_order_they_are_considered()
    {
        var (settings, errors) = Parse(
            ("latency.p50", "20ms"), ("latency.p99", "300ms"), ("latency.rate", "10%"),
            ("serviceUnavailable.rate", "100%"), ("serviceUnavailable.from", "20s"), ("serviceUnavailable.for", "5s"),
            ("internalServerError", "2%"));

        Assert.Empty(errors);
        Assert.True(settings.Any);
        Assert.Equal(
            [
                new FaultRule(FaultKind.InternalServerError, 0.02),
                new FaultRule(FaultKind.ServiceUnavailable, 1) { From = TimeSpan.FromSeconds(20), For = TimeSpan.FromSeconds(5) },
                new FaultRule(FaultKind.Latency, 0.1) { P50 = TimeSpan.FromMilliseconds(20), P99 = TimeSpan.FromMilliseconds(300) },
            ],
            settings.Rules);
        Assert.Equal("2%", settings.Written["faults.internalServerError.rate"]);
        Assert.Equal("20s", settings.Written["faults.serviceUnavailable.from"]);
    }

    [Fact]
    public void Latency_defaults_to_every_request_and_a_fixed_delay()
    {
        var (settings, errors) = Parse(("latency.p50", "50ms"));

        Assert.Empty(errors);
        Assert.Equal(new FaultRule(FaultKind.Latency, 1) { P50 = TimeSpan.FromMilliseconds(50), P99 = TimeSpan.FromMilliseconds(50) }, Assert.Single(settings.Rules));
    }

    [Fact]
    public void Every_problem_is_reported_with_the_entry_it_belongs_to()
    {
        var (_, errors) = Parse(
            ("internalServerEror", "2%"),
            ("serviceUnavailable.rate", "lots"),
            ("requestLimitExceeded.p50", "10ms"),
            ("connectionReset.from", "5s"),
            ("latency.p50", "200ms"), ("latency.p99", "100ms"),
            ("internalServerError.for", "0s"));

        Assert.Contains(errors, e => e.Name == "internalServerEror" && e.Error.Contains("Did you mean 'internalServerError'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Name == "serviceUnavailable.rate" && e.Error.Contains("from 0% to 100%", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Name == "requestLimitExceeded.p50" && e.Error.Contains("has no 'p50'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Name == "connectionReset.from" && e.Error.Contains("needs a rate", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Name == "latency.p99" && e.Error.Contains("at least p50", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Name == "internalServerError.for" && e.Error.Contains("above 0", StringComparison.Ordinal));
    }

    [Fact]
    public void The_command_line_s_entries_are_told_apart_from_model_parameters()
    {
        var (capacity, faults) = FaultSettings.Split(new Dictionary<string, string>
        {
            ["burstSeconds"] = "0",
            ["faults.InternalServerError"] = "2%",
            ["faults.latency.p50"] = "20ms",
        });

        Assert.Equal(["burstSeconds"], capacity.Keys);
        // A bare kind is its rate, in the kind's own spelling: the command line overrides a suite's fault field by field.
        Assert.Equal(["internalServerError.rate", "latency.p50"], faults.Keys);
    }
}
