using LoadLab.Cli.Settings;
using LoadLab.Core.Errors;
using LoadLab.Core.Plans;
using LoadLab.Runner.Metrics;
using LoadLab.Runner.Running;
using LoadLab.Tracing;
using LoadLab.Tracing.Metrics;
using LoadLab.UnitTests.Cli.Support;

namespace LoadLab.UnitTests.Runner.Metrics;

/// <summary>--metrics, --metrics-interval and the suite's metrics: section, resolved by the one rule of <see cref="MetricsSettings"/>.</summary>
public sealed class MetricsOptionsTests
{
    [Theory]
    [InlineData("otlp", "otlp")]
    [InlineData("emf,otlp", "emf otlp")]
    [InlineData("emf-stdout", "emf emf-stdout")] // the stdout copy comes with the file
    [InlineData("off", "")]
    public void The_option_takes_a_list_of_outputs(string value, string expected)
    {
        var options = Parse("run", "s.yaml", "--metrics", value);

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), options.Metrics!.Order());
    }

    [Theory]
    [InlineData("--metrics", "otpl", "did you mean 'otlp'")]
    [InlineData("--metrics", "emf,prometheus", "use emf, emf-stdout, otlp or off")]
    [InlineData("--metrics", "off,otlp", "off cannot be combined")]
    [InlineData("--metrics-interval", "500ms", "from 1s to 1h")]
    [InlineData("--metrics-interval", "2h", "from 1s to 1h")]
    [InlineData("--metrics-interval", "often", "a duration such as")]
    public void Bad_values_are_refused_before_the_run_with_what_is_allowed(string option, string value, string message)
    {
        string[] args = option == "--metrics" ? ["run", "s.yaml", option, value] : ["run", "s.yaml", "--metrics", "otlp", option, value];

        var e = Assert.Throws<InvalidInputException>(() => Parse(args));

        Assert.Contains(message, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Without_the_option_the_suite_decides_and_off_overrides_it()
    {
        var suite = new MetricsPlan("stdout", "on", TimeSpan.FromSeconds(10));

        Assert.Equal(["emf", "emf-stdout", "otlp"], MetricsSettings.Outputs(null, suite).Order());
        Assert.Empty(MetricsSettings.Outputs(Parse("run", "s.yaml", "--metrics", "off").Metrics, suite));
        Assert.Null(MetricsSettings.Resolve(new HashSet<string>(), null, suite, _ => null).Otlp);
        Assert.Equal(TimeSpan.FromSeconds(10), MetricsSettings.Resolve(null, null, suite, _ => null).Otlp!.Interval);
    }

    [Fact]
    public void The_interval_comes_from_the_option_then_the_suite_then_the_standard_variable_then_5_s()
    {
        var on = new HashSet<string>(["otlp"]);
        var suite = new MetricsPlan("off", "on", TimeSpan.FromSeconds(10));
        Func<string, string?> variables = name => name == OtlpMetricsOptions.ExportIntervalVariable ? "30000" : null;

        Assert.Equal(TimeSpan.FromSeconds(2), MetricsSettings.Resolve(on, TimeSpan.FromSeconds(2), suite, variables).Otlp!.Interval);
        Assert.Equal(TimeSpan.FromSeconds(10), MetricsSettings.Resolve(on, null, suite, variables).Otlp!.Interval);
        Assert.Equal(TimeSpan.FromSeconds(30), MetricsSettings.Resolve(on, null, null, variables).Otlp!.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), MetricsSettings.Resolve(on, null, null, _ => null).Otlp!.Interval);
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("100")] // milliseconds: below a second
    public void An_unusable_OTEL_METRIC_EXPORT_INTERVAL_is_refused_with_what_is_allowed(string value)
    {
        var e = Assert.Throws<InvalidInputException>(() => MetricsSettings.Resolve(
            new HashSet<string>(["otlp"]), null, null, name => name == OtlpMetricsOptions.ExportIntervalVariable ? value : null));

        Assert.Contains("OTEL_METRIC_EXPORT_INTERVAL", e.Message, StringComparison.Ordinal);
        Assert.Contains("from 1000 to 3600000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_without_the_OTLP_export_is_refused()
    {
        var e = Assert.Throws<InvalidInputException>(() => MetricsSettings.Resolve(new HashSet<string>(["emf"]), TimeSpan.FromSeconds(5), null, _ => null));

        Assert.Contains("--metrics otlp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_destination_follows_the_standard_variables_metrics_specific_first()
    {
        var defaults = OtlpMetricsOptions.FromEnvironment(null, _ => null);
        var shared = OtlpMetricsOptions.FromEnvironment(null, name => name == TracingOptions.OtlpEndpointVariable ? "http://collector:4318" : null);
        var own = OtlpMetricsOptions.FromEnvironment(null, name => name switch
        {
            TracingOptions.OtlpEndpointVariable => "http://collector:4318",
            OtlpMetricsOptions.MetricsEndpointVariable => "http://metrics:9090/otlp/v1/metrics",
            OtlpMetricsOptions.MetricsProtocolVariable => "grpc",
            _ => null,
        });

        Assert.Equal((TracingOptions.DefaultOtlpEndpoint, false, "http/protobuf"), (defaults.Endpoint, defaults.SignalEndpoint, defaults.Protocol));
        Assert.Equal(("http://collector:4318", false), (shared.Endpoint, shared.SignalEndpoint));
        Assert.Equal(("http://metrics:9090/otlp/v1/metrics", true, "grpc"), (own.Endpoint, own.SignalEndpoint, own.Protocol));
    }

    private static RunOptions Parse(params string[] args) => SettingsParser.Parse<RunSettings>(args).Options;
}
