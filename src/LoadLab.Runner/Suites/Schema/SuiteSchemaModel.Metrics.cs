using LoadLab.Core.Plans;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>Metrics: the CloudWatch Embedded Metric Format file of a run, and the live OTLP export.</summary>
internal sealed partial class SuiteSchemaModel
{
    private void DefineMetrics()
    {
        Define("metrics", Place(
            SuiteKeys.Metrics,
            new()
            {
                ["emf"] = Enum(MetricsPlan.EmfChoices, "off; file: metrics.emf.jsonl in the run folder, one CloudWatch Embedded Metric Format document per second per scenario and operation; stdout: that file and the same lines on standard output, for a container's log agent.")
                    .Default("off"),
                ["otlp"] = Enum(MetricsPlan.OtlpChoices, "off; on: the same metrics exported live over OTLP while the run goes (OTEL_EXPORTER_OTLP_METRICS_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT, default http://localhost:4318, http/protobuf), for a collector, the CloudWatch agent or ADOT.")
                    .Default("off"),
                ["otlpInterval"] = Ref("duration", "How often the OTLP export sends, from 1s to 1h (--metrics-interval and OTEL_METRIC_EXPORT_INTERVAL otherwise).").Default("5s"),
            },
            "CloudWatch and OpenTelemetry metrics outputs of the run. The command line's --metrics and --metrics-interval override these."));
    }
}
