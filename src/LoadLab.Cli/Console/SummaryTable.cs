using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LoadLab.Cli.Console;

/// <summary>The end-of-run summary: one row per scenario and operation, then the budgets when the suite has any.</summary>
internal static class SummaryTable
{
    public static IRenderable Build(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var operations = Operations(result);
        return result.Budgets.Count == 0 ? operations : new Rows(operations, BudgetTable.Build(result.Budgets));
    }

    private static Table Operations(RunResult result)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.Title(Markup.Escape($"{result.Run.Suite} — run {result.Run.RunId}" + (result.Run.Interrupted ? " (interrupted, partial)" : "")));
        foreach (var column in new[] { "scenario", "op", "ops", "ops/s", "ok", "throttled", "errors", "dropped", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "svc p99 ms", "retries", "RCU", "WCU" })
            table.AddColumn(new TableColumn(column).RightAligned());
        foreach (var s in result.Scenarios)
        {
            double measured = Math.Max(s.DurationSeconds - s.Warmup.Seconds, 1e-9);
            foreach (var op in s.Operations)
            {
                long errors = op.Outcomes.Where(o => o.Key is not ("ok" or "throttled" or "conditionFailed")).Sum(o => o.Value);
                table.AddRow(
                    Markup.Escape(s.Name),
                    Markup.Escape(op.Name),
                    N(op.Completed),
                    F($"{op.Completed / measured:0.0}"),
                    N(op.Count("ok")),
                    Flag(op.Count("throttled"), "yellow"),
                    Flag(errors, "red"),
                    Flag(op.Dropped, "yellow"),
                    F($"{op.Latency.P50Ms:0.00}"),
                    F($"{op.Latency.P99Ms:0.00}"),
                    F($"{op.Latency.P999Ms:0.00}"),
                    F($"{op.Latency.MaxMs:0.00}"),
                    F($"{op.ServiceTime.P99Ms:0.00}"),
                    N(op.Retries),
                    F($"{op.ReadUnits:0.#}"),
                    F($"{op.WriteUnits:0.#}"));
            }
        }

        return table;
    }

    private static string F(FormattableString s) => Formatting.Invariant(s);

    private static string N(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Flag(long n, string colour) => n == 0 ? "0" : $"[{colour}]{N(n)}[/]";
}
