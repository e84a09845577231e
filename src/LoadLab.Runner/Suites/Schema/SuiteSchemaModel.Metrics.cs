using LoadLab.Core.Plans;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>Metrics: the CloudWatch Embedded Metric Format file of a run.</summary>
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
            },
            "CloudWatch metrics outputs of the run. The command line's --metrics overrides these."));
    }
}
