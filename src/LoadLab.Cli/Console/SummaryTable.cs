using LoadLab.Core.Results;
using LoadLab.Reports.Text;
using Spectre.Console;
using Spectre.Console.Rendering;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Cli.Console;

/// <summary>
/// The end-of-run summary: the headline (the same figures and finding as summary.md and report.html), one row per
/// scenario and operation with ↳ rows for throttled and failed outcomes, then the budgets when the suite has any.
/// Numbers use the reports' own formats, so the console, summary.md and report.html read the same.
/// </summary>
internal static class SummaryTable
{
    public static IRenderable Build(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var operations = Operations(result);
        var headline = HeadlineText(Headline.Of(result), Reports.Text.SimulationText.LatencySuffix(result));
        return result.Budgets.Count == 0 ? new Rows(operations, headline) : new Rows(operations, headline, BudgetTable.Build(result.Budgets));
    }

    private static Markup HeadlineText(Headline h, string simulated)
    {
        string latency = h.OkLatency is { } l ? $"latency{simulated} p50 {Milliseconds(l.P50)}, p95 {Milliseconds(l.P95)}, p99 {Milliseconds(l.P99)}" : "no successful operation";
        string line = $"{Count(h.Operations)} operations, {Number(h.OpsPerSecond)} ops/s, goodput {Number(h.Goodput)} ok/s, errors {Number(h.ErrorPercent)} %, " +
            $"throttled {Number(h.ThrottledPercent)} % ({h.ThrottlesText}), successful {latency}, budgets {h.BudgetsText}.";
        return new Markup(Markup.Escape(line) + "\n[bold]Finding:[/] " + Markup.Escape(h.Finding) + "\n");
    }

    private static Table Operations(RunResult result)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.Title(Markup.Escape($"{result.Run.Suite} — run {result.Run.RunId}" + (result.Run.Interrupted ? " (interrupted, partial)" : "")));
        foreach (var column in new[] { "scenario", "op", "ops", "ops/s", "ok", "throttled", "throttle ev.", "errors", "dropped", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms", "svc p99 ms", "retries", "RCU", "WCU" })
            table.AddColumn(new TableColumn(column).RightAligned());
        table.Caption("latency: successful operations" + (result.Run.Simulation is null ? "" : ", modelled (simulated run)") + "; ↳ rows: the other outcomes");
        foreach (var s in result.Scenarios)
        {
            foreach (var line in OperationLine.Of(s))
            {
                var op = line.Operation;
                var l = line.Latency;
                string Ms(Func<LatencySummary, double?> pick) => l is not null && pick(l) is { } v ? Number(v) : "-";
                if (line.IsOutcome)
                {
                    table.AddRow(
                        "", $"[grey]{Markup.Escape(line.Label)}[/]", $"[grey]{Count(line.Count)}[/]", "", "", "", "", "", "",
                        Grey(Ms(x => x.P50Ms)), Grey(Ms(x => x.P95Ms)), Grey(Ms(x => x.P99Ms)), Grey(Ms(x => x.P999Ms)), Grey(Ms(x => x.MaxMs)), "", "", "", "");
                    continue;
                }

                table.AddRow(
                    Markup.Escape(s.Name),
                    Markup.Escape(op.Name),
                    Count(op.Completed),
                    Number(Throughput.Achieved(op, s)),
                    Count(op.Count("ok")),
                    Flag(op.Count("throttled"), "yellow"),
                    Flag(op.ThrottleEvents, "yellow"),
                    Flag(OperationFigures.Errors(op), "red"),
                    Flag(op.Dropped, "yellow"),
                    Ms(x => x.P50Ms),
                    Ms(x => x.P95Ms),
                    Ms(x => x.P99Ms),
                    Ms(x => x.P999Ms),
                    Ms(x => x.MaxMs),
                    Number(op.ServiceTime.P99Ms),
                    Count(op.Retries),
                    Number(op.ReadUnits),
                    Number(op.WriteUnits));
            }
        }

        return table;
    }

    private static string Grey(string text) => $"[grey]{Markup.Escape(text)}[/]";

    private static string Flag(long n, string colour) => n == 0 ? "0" : $"[{colour}]{Count(n)}[/]";
}
