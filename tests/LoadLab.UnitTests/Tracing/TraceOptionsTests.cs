using LoadLab.Cli;
using LoadLab.Cli.Settings;
using LoadLab.Runner.Tracing;
using LoadLab.Core.Errors;
using LoadLab.Runner.Running;
using LoadLab.UnitTests.Cli.Support;
using LoadLab.Core.Plans;
using LoadLab.Tracing;
using LoadLab.Tracing.Exporters;

namespace LoadLab.UnitTests.Tracing;

public sealed class TraceOptionsTests
{
    [Fact]
    public void Tracing_is_off_unless_asked_for()
    {
        var options = Parse("run", "suite.yaml");

        Assert.Null(options.Trace);
        Assert.Equal(TraceMode.Off, Resolve(options).Mode);
    }

    [Fact]
    public void The_command_line_sets_mode_rate_and_slow_threshold()
    {
        var options = Resolve(Parse("run", "suite.yaml", "--trace", "xray", "--trace-rate", "0.25", "--trace-slow-ms", "250", "--region", "eu-west-1"));

        Assert.Equal(TraceMode.XRay, options.Mode);
        Assert.Equal(0.25, options.Rate);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.SlowThreshold);
        Assert.Equal("eu-west-1", options.Region);
        Assert.Equal(1, options.ReservoirPerSecond);
        Assert.Equal(20, options.AlwaysKeepPerSecond);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("--trace", "xrya", "did you mean 'xray'")]
    [InlineData("--trace-rate", "1.5", "from 0 to 1")]
    [InlineData("--trace-rate", "ten", "from 0 to 1")]
    [InlineData("--trace-slow-ms", "0", "from 1 to 3600000")]
    public void Bad_values_are_refused_before_the_run_with_what_is_allowed(string option, string value, string message)
    {
        string[] args = option == "--trace" ? ["run", "s.yaml", option, value] : ["run", "s.yaml", "--trace", "otlp", option, value];

        var e = Assert.Throws<InvalidInputException>(() => Parse(args));

        Assert.Contains(message, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Sampling_options_without_tracing_on_are_refused()
    {
        var explicitOff = Assert.Throws<InvalidInputException>(() => Parse("run", "s.yaml", "--trace", "off", "--trace-rate", "0.5"));
        var leftOff = Assert.Throws<InvalidInputException>(() => Resolve(Parse("run", "s.yaml", "--trace-rate", "0.5")));

        Assert.Contains("--trace xray", explicitOff.Message, StringComparison.Ordinal);
        Assert.Contains("tracing: { mode: xray }", leftOff.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suite_turns_tracing_on_and_the_command_line_overrides_its_values()
    {
        var suite = new TracingPlan(Mode: "otlp", Rate: 0.5, ReservoirPerSecond: 3, SlowThreshold: TimeSpan.FromMilliseconds(40), AlwaysKeepPerSecond: 7, ServiceName: "orders");

        var fromSuite = Resolve(Parse("run", "s.yaml"), suite);
        var overridden = Resolve(Parse("run", "s.yaml", "--trace", "xray", "--trace-rate", "0.1"), suite);
        var turnedOff = Resolve(Parse("run", "s.yaml", "--trace", "off"), suite);

        Assert.Equal((TraceMode.Otlp, 0.5, 3, 40.0, 7, "orders"), (fromSuite.Mode, fromSuite.Rate, fromSuite.ReservoirPerSecond, fromSuite.SlowThreshold.TotalMilliseconds, fromSuite.AlwaysKeepPerSecond, fromSuite.ServiceName));
        Assert.Equal((TraceMode.XRay, 0.1, 3), (overridden.Mode, overridden.Rate, overridden.ReservoirPerSecond));
        Assert.Equal(TraceMode.Off, turnedOff.Mode);
    }

    [Fact]
    public void Sampling_options_on_the_command_line_are_fine_when_the_suite_turns_tracing_on()
    {
        var options = Resolve(Parse("run", "s.yaml", "--trace-slow-ms", "300"), new TracingPlan(Mode: "xray"));

        Assert.Equal(TraceMode.XRay, options.Mode);
        Assert.Equal(TimeSpan.FromMilliseconds(300), options.SlowThreshold);
    }

    [Fact]
    public async Task The_help_lists_the_trace_options()
    {
        var console = Spectre.Console.Testing.TestConsoleExtensions.Width(new Spectre.Console.Testing.TestConsole(), 250);

        Assert.Equal(0, await LoadLabApp.RunAsync(["run", "--help"], console));

        Assert.Contains("--trace <MODE>", console.Output, StringComparison.Ordinal);
        Assert.Contains("--trace-rate <F>", console.Output, StringComparison.Ordinal);
        Assert.Contains("--trace-slow-ms <N>", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Destinations_come_from_the_standard_environment_variables()
    {
        var env = new Dictionary<string, string>
        {
            [TracingOptions.DaemonAddressVariable] = "tcp:10.0.0.1:2000 udp:10.0.0.1:2001",
            [TracingOptions.OtlpEndpointVariable] = "http://collector:4318",
        };

        var options = new TracingOptions().WithEnvironment(n => env.GetValueOrDefault(n));
        var defaults = new TracingOptions().WithEnvironment(_ => null);

        Assert.Equal("tcp:10.0.0.1:2000 udp:10.0.0.1:2001", options.DaemonAddress);
        Assert.Equal("http://collector:4318", options.OtlpEndpoint);
        Assert.Equal("127.0.0.1:2000", defaults.DaemonAddress);
        Assert.Equal("http://127.0.0.1:4318", defaults.OtlpEndpoint);
    }

    [Fact]
    public void Invalid_sampling_settings_are_named()
    {
        var errors = new TracingOptions { Rate = -0.1, ReservoirPerSecond = -1, AlwaysKeepPerSecond = 2_000_000, SlowThreshold = TimeSpan.Zero }.Validate();

        Assert.Equal(4, errors.Count);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4318", "http/protobuf", "http://127.0.0.1:4318/v1/traces")]
    [InlineData("http://collector:4318/", "http/protobuf", "http://collector:4318/v1/traces")]
    [InlineData("https://xray.eu-west-1.amazonaws.com/v1/traces", "http/protobuf", "https://xray.eu-west-1.amazonaws.com/v1/traces")]
    [InlineData("http://127.0.0.1:4317", "grpc", "http://127.0.0.1:4317/")]
    public void OTLP_endpoints_get_the_traces_path_for_http(string endpoint, string protocol, string expected)
    {
        Assert.Equal(expected, OtlpSegmentExporter.Parse(endpoint, protocol).Endpoint.ToString());
    }

    [Theory]
    [InlineData("not a url", "http/protobuf")]
    [InlineData("ftp://host:21", "http/protobuf")]
    [InlineData("http://host:4318", "carrier-pigeon")]
    public void Unusable_OTLP_settings_are_destination_errors(string endpoint, string protocol)
    {
        Assert.Throws<TracingDestinationException>(() => OtlpSegmentExporter.Parse(endpoint, protocol));
    }

    private static RunOptions Parse(params string[] args) => SettingsParser.Parse<RunSettings>(args).Options;

    private static TracingOptions Resolve(RunOptions options, TracingPlan? suite = null) => TracingSettings.Resolve(options, suite, _ => null);
}
