using LoadLab.Tracing;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>Tracing: X-Ray or OTLP, and how operations are sampled.</summary>
internal sealed partial class SuiteSchemaModel
{
    private void DefineTracing()
    {
        var defaults = new TracingOptions();
        Define("tracing", Place(
            SuiteKeys.Tracing,
            new()
            {
                ["mode"] = Enum(TraceModes.Names, "off; xray: segments over UDP to the X-Ray daemon or CloudWatch agent (AWS_XRAY_DAEMON_ADDRESS); otlp: spans to an OpenTelemetry collector (OTEL_EXPORTER_OTLP_ENDPOINT).")
                    .Default("off"),
                ["rate"] = Number("Share of the operations traced beyond the reservoir, 0-1.", minimum: 0, maximum: 1).Default(defaults.Rate),
                ["reservoir"] = Integer("Operations traced first in each second, whatever happens to them.", minimum: 0, maximum: TracingOptions.MaxPerSecond)
                    .Default(defaults.ReservoirPerSecond),
                ["slow"] = Ref("duration", "Operations at least this slow are always traced (under the cap), at most 1h.").Default("100ms"),
                ["alwaysKeepPerSecond"] = Integer("Cap per second on throttled, failed and slow operations traced beyond the sample.", minimum: 0, maximum: TracingOptions.MaxPerSecond)
                    .Default(defaults.AlwaysKeepPerSecond),
                ["service"] = Text("Segment name: the service on the X-Ray trace map.", minLength: 1).Default(defaults.ServiceName),
            },
            "X-Ray tracing of the run's operations. The command line's --trace, --trace-rate and --trace-slow-ms override these."));
    }
}
