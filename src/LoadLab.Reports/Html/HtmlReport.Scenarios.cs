using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Text;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Html;

public static partial class HtmlReport
{
    private static void WriteScenario(HtmlWriter html, ScenarioResult s, string id, OperationPalette palette, IReadOnlyList<(Chart Chart, string Svg)> charts)
    {
        html.Open("section", id: id).Element("h2", "Scenario " + s.Name);
        html.Facts(
        [
            ("table", s.Table),
            ("load", s.Phases.Count == 0 ? "–" : string.Join(" → ", s.Phases)),
            ("measured", $"{Seconds(s.DurationSeconds)} after {Seconds(s.Warmup.Seconds)} warm-up ({Count(s.Warmup.Completed)} warm-up operations left out)"),
            ("throughput", $"{Number(s.AchievedOpsPerSecond)} ops/s achieved; {Count((long)Math.Round(s.TargetOperations))} arrivals scheduled by the plan"),
            ("in flight", $"at most {Count(s.MaxInFlight)}, when full: {s.WhenFull}"),
            ("scheduled", $"{Count(s.Scheduled)} ({Count(s.Dropped)} dropped, {Count(s.Cancelled)} cancelled)"),
            ("start lateness", s.StartLateness.Count == 0 ? "–" : $"p50 {Milliseconds(s.StartLateness.P50Ms)}, p99 {Milliseconds(s.StartLateness.P99Ms)}, max {Milliseconds(s.StartLateness.MaxMs)}"),
        ]);

        html.Element("h3", "Operations");
        html.Table(
            // Units in the headers keep eighteen columns inside the page.
            ["op", ">ops", ">ops/s", ">ok", ">throttled", ">errors", ">cond. failed", ">dropped", ">p50 ms", ">p90 ms", ">p99 ms", ">p99.9 ms", ">max ms", ">service p50 ms", ">service p99 ms", ">retries", ">RCU", ">WCU"],
            s.Operations.Select(op => (IReadOnlyList<Cell>)
            [
                new Cell(op.Name, Swatch: palette.Hex(op.Name)),
                Count(op.Completed), Number(OperationFigures.OpsPerSecond(op, s)), Count(op.Count("ok")), Count(op.Count("throttled")),
                Count(OperationFigures.Errors(op)), Count(op.Count("conditionFailed")), Count(op.Dropped),
                Number(op.Latency.P50Ms), Number(op.Latency.P90Ms), Number(op.Latency.P99Ms), Number(op.Latency.P999Ms),
                Number(op.Latency.MaxMs), Number(op.ServiceTime.P50Ms), Number(op.ServiceTime.P99Ms),
                Count(op.Retries), Number(op.ReadUnits), Number(op.WriteUnits),
            ]));
        html.Element("p", "Latency is corrected for coordinated omission (from the intended start); service time is from the actual send. Errors exclude throttles and failed conditions.", "note");

        var reasons = s.Operations
            .SelectMany(op => op.ThrottleReasons.Select(r => (Op: op, Kind: "throttle", Reason: r.Key, N: r.Value))
                .Concat(op.ErrorCodes.Select(e => (Op: op, Kind: "error code", Reason: e.Key, N: e.Value))))
            .OrderBy(r => r.Op.Name, StringComparer.Ordinal).ThenByDescending(r => r.N).ToArray();
        if (reasons.Length > 0)
        {
            html.Element("h3", "Throttle reasons and error codes");
            html.Table(
                ["op", "kind", "reason / code", ">operations", ">share of op"],
                reasons.Select(r => (IReadOnlyList<Cell>)
                [
                    new Cell(r.Op.Name, Swatch: palette.Hex(r.Op.Name)), r.Kind, r.Reason, Count(r.N), Percent(r.N, r.Op.Completed),
                ]));
        }

        if (s.Operations.Any(op => op.ThrottledAttempts > 0))
        {
            html.Element("p", "Throttled attempts, retries included: " +
                string.Join(", ", s.Operations.Select(op => $"{op.Name} {Count(op.ThrottledAttempts)}")) + ".", "note");
        }

        WriteCharts(html, charts);
        html.Close("section");
    }

    private static void WriteRunCharts(HtmlWriter html, IReadOnlyList<(Chart Chart, string Svg)> charts)
    {
        html.Open("section", id: "run-charts").Element("h2", "Throttles, capacity and retries");
        if (charts.Count == 0)
            html.Element("p", "No run-wide charts.", "muted");
        if (!charts.Any(c => c.Chart.Id.StartsWith("throttles", StringComparison.Ordinal)))
            html.Element("p", "No operation ended throttled, so there is no throttle chart.", "muted");
        WriteCharts(html, charts);
        html.Close("section");
    }

    private static void WriteCharts(HtmlWriter html, IReadOnlyList<(Chart Chart, string Svg)> charts)
    {
        if (charts.Count == 0) return;
        html.Open("div", "charts");
        foreach (var (chart, svg) in charts)
        {
            html.Raw("<figure id=\"chart-").Text(chart.Id).Raw("\">\n").Raw(svg).Raw("\n");
            if (chart.Caption is not null) html.Element("figcaption", chart.Caption);
            html.Close("figure");
        }

        html.Close("div");
    }

    private static IReadOnlyList<(Chart Chart, string Svg)> ChartsOf(IReadOnlyList<Chart> charts, string[] svgs, Func<Chart, bool> filter) =>
        charts.Select((c, i) => (Chart: c, Svg: svgs[i])).Where(c => filter(c.Chart)).ToArray();

    /// <summary>SVG rendering is CPU-bound and charts are independent, so two render at a time.</summary>
    private static string[] RenderSvgs(IReadOnlyList<Chart> charts)
    {
        var svgs = new string[charts.Count];
        Parallel.For(0, charts.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => svgs[i] = charts[i].ToSvg());
        return svgs;
    }
}
