using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Text;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Html;

public static partial class HtmlReport
{
    private static readonly string[] OperationHeaders =
    [
        // Units in the headers keep the columns inside the page.
        "op", ">ops", ">ops/s", ">ok", ">throttled", ">throttle events", ">errors", ">cond. failed", ">dropped",
        ">p50 ms", ">p95 ms", ">p99 ms", ">p99.9 ms", ">max ms", ">service p99 ms", ">retries", ">RCU", ">WCU", "traces",
    ];

    private static void WriteScenario(HtmlWriter html, ScenarioResult s, string id, OperationPalette palette, IReadOnlyList<(Chart Chart, string Svg)> charts)
    {
        html.Open("section", id: id).Element("h2", "Scenario " + s.Name);
        html.Facts(
        [
            ("table", s.Table),
            ("load", s.Phases.Count == 0 ? "–" : string.Join(" → ", s.Phases)),
            ("measured", $"{Seconds(s.MeasuredSeconds)} window after {Seconds(s.Warmup.Seconds)} warm-up ({Count(s.Warmup.Completed)} warm-up operations left out of every figure)"),
            ("throughput", $"{Number(Throughput.Achieved(s))} ops/s achieved over the window; {Count((long)Math.Round(s.TargetOperations))} arrivals scheduled by the plan"),
            ("in flight", $"at most {Count(s.MaxInFlight)}, when full: {s.WhenFull}"),
            ("scheduled", $"{Count(s.Scheduled)} ({Count(s.Dropped)} dropped, {Count(s.Cancelled)} cancelled)"),
            ("start lateness", s.StartLateness.Count == 0 ? "–" : $"p50 {Milliseconds(s.StartLateness.P50Ms)}, p99 {Milliseconds(s.StartLateness.P99Ms)}, max {Milliseconds(s.StartLateness.MaxMs)}"),
        ]);

        html.Element("h3", "Operations");
        html.Table(OperationHeaders, OperationLine.Of(s).Select(line => Row(line, s, palette)));
        html.Element("p", OperationLine.Note + " Traces link to the X-Ray console (with --trace).", "note");

        var reasons = s.Operations
            .SelectMany(op => op.ThrottleReasons.Select(r => (Op: op, Kind: "throttle", Reason: r.Key, N: r.Value))
                .Concat(op.ErrorCodes.Select(e => (Op: op, Kind: e.Key.StartsWith("ConditionalCheckFailed", StringComparison.Ordinal) ? "condition failed (not an error)" : "error code", Reason: e.Key, N: e.Value))))
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

        if (s.Operations.Any(op => op.ThrottleEvents > 0))
        {
            html.Element("p", "Throttle events (throttled attempts, also those a retry recovered from, plus batch items returned unprocessed): " +
                string.Join(", ", s.Operations.Select(op => $"{op.Name} {Count(op.ThrottleEvents)}" + (op.UnprocessedItems is > 0 and var items ? $" ({Count(items)} batch items unprocessed)" : ""))) + ".", "note");
        }

        WriteCharts(html, charts);
        html.Close("section");
    }

    private static IReadOnlyList<Cell> Row(OperationLine line, ScenarioResult s, OperationPalette palette)
    {
        var op = line.Operation;
        var l = line.Latency;
        string Ms(Func<LatencySummary, double?> pick) => l is not null && pick(l) is { } v ? Number(v) : "–";
        if (line.IsOutcome)
        {
            return
            [
                new Cell(line.Label, "sub"), new Cell(Count(line.Count), "sub"), "", "", "", "", "", "", "",
                new Cell(Ms(x => x.P50Ms), "sub"), new Cell(Ms(x => x.P95Ms), "sub"), new Cell(Ms(x => x.P99Ms), "sub"),
                new Cell(Ms(x => x.P999Ms), "sub"), new Cell(Ms(x => x.MaxMs), "sub"), "", "", "", "", "",
            ];
        }

        return
        [
            new Cell(op.Name, Swatch: palette.Hex(op.Name)),
            Count(op.Completed), Number(Throughput.Achieved(op, s)), Count(op.Count("ok")), Count(op.Count("throttled")), Count(op.ThrottleEvents),
            Count(OperationFigures.Errors(op)), Count(op.Count("conditionFailed")), Count(op.Dropped),
            Ms(x => x.P50Ms), Ms(x => x.P95Ms), Ms(x => x.P99Ms), Ms(x => x.P999Ms), Ms(x => x.MaxMs),
            Number(op.ServiceTime.P99Ms), Count(op.Retries), Number(op.ReadUnits), Number(op.WriteUnits),
            new Cell(op.Exemplars is { Count: > 0 } ? "" : "–", Links: Traces(op)),
        ];
    }

    /// <summary>The first exemplar of each kind (failed, throttled, slowest) as a link to its trace in the X-Ray console.</summary>
    private static IReadOnlyList<(string Text, string Href)>? Traces(OperationResult op)
    {
        if (op.Exemplars is not { Count: > 0 } exemplars)
            return null;
        return [.. new[] { "failed", "throttled", "slowest" }
            .Select(kind => exemplars.Where(e => e.Kind == kind && e.ConsoleUrl is not null).MaxBy(e => e.LatencyMs))
            .OfType<TraceExemplar>()
            .Select(e => (e.Kind + " " + Milliseconds(e.LatencyMs), e.ConsoleUrl!))];
    }

    private static void WriteRunCharts(HtmlWriter html, RunResult result, IReadOnlyList<(Chart Chart, string Svg)> charts)
    {
        html.Open("section", id: "run-charts").Element("h2", "Throttles, capacity and retries");
        if (charts.Count == 0)
            html.Element("p", "No run-wide charts.", "muted");
        if (!charts.Any(c => c.Chart.Id.StartsWith("throttles", StringComparison.Ordinal)) && result.Scenarios.All(s => s.Operations.All(o => o.ThrottleEvents == 0)))
            html.Element("p", "No throttle in the measured window, so there is no throttle chart.", "muted");
        if (ThrottleText.Simulator(result) is { } simulator)
            html.Element("p", simulator, "note");
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
