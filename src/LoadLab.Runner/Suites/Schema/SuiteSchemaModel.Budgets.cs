using System.Text.Json.Nodes;
using static LoadLab.Runner.Suites.Schema.SchemaParts;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>Budgets: limits on latency percentiles, throughput, throttling and errors.</summary>
internal sealed partial class SuiteSchemaModel
{
    private const string LatencyPattern =
        "^\\s*(<=?)?\\s*(?=[0-9])([0-9]+(\\.[0-9]+)?h)?([0-9]+(\\.[0-9]+)?m)?([0-9]+(\\.[0-9]+)?s)?([0-9]+(\\.[0-9]+)?ms)?\\s*$";

    /// <summary>Any percentile key above 0 and below 100 (p75, p99.5, …), besides the listed ones.</summary>
    private const string PercentileKeyPattern = "^p(0*[1-9][0-9]?(\\.[0-9]+)?|0+\\.[0-9]*[1-9][0-9]*)$";

    private void DefineBudgets()
    {
        Define("latencyLimit", Pattern(LatencyPattern,
                "Ceiling on the corrected latency: a duration, optionally after '<=' (the default) or '<' (the limit itself fails), e.g. 25ms, \"< 25ms\", 1.5s.")
            .Examples("25ms", "< 25ms", "1s"));
        Define("percentLimit", Pattern("^\\s*(<=?)?\\s*[0-9]+(\\.[0-9]+)?\\s*%\\s*$",
                "Ceiling on a share of completed operations: a percentage, optionally after '<=' (the default) or '<', e.g. \"< 0.5%\".")
            .Examples("< 0.5%", "1%"));
        Define("budget", Place(
                SuiteKeys.Budget,
                new()
                {
                    ["scenario"] = Text("Name of a scenario; every scenario when left out."),
                    ["op"] = Text("An operation of the scenario's mix (get, put, …); every operation when left out."),
                    ["p50"] = Ref("latencyLimit", "Median corrected latency, e.g. 10ms."),
                    ["p75"] = Ref("latencyLimit", "75th percentile of the corrected latency."),
                    ["p90"] = Ref("latencyLimit", "90th percentile of the corrected latency."),
                    ["p95"] = Ref("latencyLimit", "95th percentile of the corrected latency."),
                    ["p99"] = Ref("latencyLimit", "99th percentile of the corrected latency, e.g. 25ms."),
                    ["p99.9"] = Ref("latencyLimit", "99.9th percentile of the corrected latency."),
                    ["p99.99"] = Ref("latencyLimit", "99.99th percentile of the corrected latency."),
                    ["max"] = Ref("latencyLimit", "Largest corrected latency."),
                    ["throughput"] = OneOf(
                            "Floor on completed operations per second: optionally after '>=' (the default) or '>', e.g. \">= 180/s\" or 180.",
                            Number(minimum: 0),
                            new JsonObject { ["type"] = "string", ["pattern"] = "^\\s*(>=?)?\\s*[0-9]+(\\.[0-9]+)?\\s*(/s)?\\s*$" })
                        .Examples(">= 180/s", 180),
                    ["minThroughput"] = Number("Floor on completed operations per second; the same as throughput: \">= N/s\".", minimum: 0),
                    ["throttled"] = Ref("percentLimit", "Ceiling on throttled operations (after retries) as a share of completed ones."),
                    ["errors"] = Ref("percentLimit", "Ceiling on failed operations (client, server, timeout, network errors) as a share of completed ones."),
                    ["window"] = Ref("duration", "Check every sliding window of this length (one interval apart); the worst one counts. Whole run when left out."),
                    ["abortAfter"] = Ref("duration", "Stop the run once the budget has been broken for longer than this (it then fails, exit code 1). Checked only at the end when left out."),
                    ["outcome"] = Enum(["ok"], "For a latency budget: ok checks successful operations only (the reports' headline latency). Left out, every completed operation counts, whatever its outcome."),
                },
                "One limit on exactly one metric, for a scenario and operation (both optional: all when left out), over the whole run or its worst sliding window.")
            .With("patternProperties", new JsonObject
            {
                [PercentileKeyPattern] = Ref("latencyLimit", "Any other percentile of the corrected latency above 0 and below 100, e.g. p99.5."),
            })
            .With("minProperties", 1));
    }
}
