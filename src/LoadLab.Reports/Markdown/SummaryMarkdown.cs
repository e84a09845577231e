using System.Text;
using LoadLab.Core.Budgets;
using LoadLab.Core.Results;
using LoadLab.Reports.Text;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Markdown;

/// <summary>
/// summary.md: the run on one screen, for a PR comment or a CI job summary. Verdict and headline first, then the
/// budgets (what gates the release), then the per-operation figures behind them, throttles, seeding and cost.
/// </summary>
public static class SummaryMarkdown
{
    public static string Render(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        WriteHeader(sb, result);
        WriteHeadline(sb, Headline.Of(result), SimulationText.LatencySuffix(result));
        WriteBudgets(sb, result.Budgets);
        WriteOperations(sb, result);
        WriteThrottles(sb, result);
        SeedingMarkdown.Write(sb, result);
        CostMarkdown.Write(sb, result.Cost);
        WriteFindings(sb, result.Findings);
        return sb.ToString();
    }

    /// <summary>One line that says whether the run passed, for headings and messages.</summary>
    public static string Verdict(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int failed = result.Budgets.Count(b => !b.Passed);
        string budgets = result.Budgets.Count == 0 ? "no budgets"
            : failed == 0 ? FormattableString.Invariant($"all {result.Budgets.Count} budgets met")
            : FormattableString.Invariant($"{failed} of {result.Budgets.Count} budgets failed");
        if (result.Run.TargetFailure is { } failure)
            return FormattableString.Invariant($"target failed: no answer since {failure.SinceSeconds:0.#} s (partial results), {budgets}");
        return result.Run.Interrupted ? $"interrupted (partial results), {budgets}" : budgets;
    }

    private static void WriteHeader(StringBuilder sb, RunResult result)
    {
        var run = result.Run;
        string icon = !result.BudgetsPassed || run.TargetFailure is not null ? "❌" : run.Interrupted ? "⚠️" : "✅";
        sb.Append("## ").Append(icon).Append(" LoadLab: ").Append(MarkdownTable.Escape(run.Suite))
          .Append(" — ").Append(Verdict(result)).Append("\n\n");
        var table = new MarkdownTable("run id", "environment", "started", ">duration", "interrupted", "target");
        table.Row(run.RunId, run.Environment, Timestamp(run.StartedAt), Seconds(run.DurationSeconds),
            run.Interrupted ? "yes" : "no", run.Target.Kind + (run.Target.Endpoint is { } e ? " " + e : ""));
        table.WriteTo(sb);
        if (SimulationText.Banner(result) is { } banner)
            sb.Append("\n**").Append(MarkdownTable.Escape(banner)).Append("**\n");
        if (result.Simulator is { } simulator)
            sb.Append("\nCapacity simulator: ").Append(MarkdownTable.Escape(SimulatorText.Settings(simulator))).Append(".\n");
        sb.Append('\n');
    }

    private static void WriteHeadline(StringBuilder sb, Headline headline, string simulated)
    {
        sb.Append("### Headline\n\n");
        var table = new MarkdownTable(">operations", ">ops/s", ">goodput (ok/s)", ">errors", ">throttled", ">p50 ok" + simulated, ">p95 ok" + simulated, ">p99 ok" + simulated, "budgets");
        table.Row(
            Count(headline.Operations), Number(headline.OpsPerSecond), Number(headline.Goodput),
            Number(headline.ErrorPercent) + " %", Number(headline.ThrottledPercent) + " %",
            headline.OkLatency is { } l ? Milliseconds(l.P50) : "–", headline.OkLatency is { } l95 ? Milliseconds(l95.P95) : "–",
            headline.OkLatency is { } l99 ? Milliseconds(l99.P99) : "–", headline.BudgetsText);
        table.WriteTo(sb);
        sb.Append("\nThrottled by reason: ").Append(MarkdownTable.Escape(headline.ThrottlesText))
          .Append("; throttle events (retried or not): ").Append(Count(headline.ThrottleEvents)).Append(".\n\n");
        sb.Append("**Finding:** ").Append(MarkdownTable.Escape(headline.Finding)).Append("\n\n");
    }

    private static void WriteBudgets(StringBuilder sb, IReadOnlyList<BudgetOutcome> budgets)
    {
        sb.Append("### Budgets\n\n");
        if (budgets.Count == 0)
        {
            sb.Append("The suite sets no budgets.\n\n");
            return;
        }

        var table = new MarkdownTable("", "budget", ">measured", ">limit", ">margin", "note");
        foreach (var b in budgets)
        {
            table.Row(
                b.Passed ? "✅" : "❌",
                b.Name,
                b.Measured is { } m ? WithUnit(m, b.Unit) : "no samples",
                b.Comparison + " " + WithUnit(b.Limit, b.Unit),
                b.Margin is { } margin ? SignedWithUnit(margin, b.Unit) : "–",
                JoinNote(b));
        }

        table.WriteTo(sb);
        sb.Append('\n');
    }

    private static string JoinNote(BudgetOutcome b) =>
        string.Join("; ", new[] { b.Window is null ? null : "worst " + b.Window + " window", b.Note }.Where(s => !string.IsNullOrEmpty(s)));

    private static void WriteOperations(StringBuilder sb, RunResult result)
    {
        sb.Append("### Operations\n\n").Append(MarkdownTable.Escape(OperationLine.Note)).Append("\n\n");
        var table = new MarkdownTable(
            "scenario", "op", ">ops", ">ops/s", ">ok", ">throttled", ">throttle events", ">errors", ">dropped",
            ">p50", ">p95", ">p99", ">p99.9", ">max", ">service p99", ">retries", ">RCU", ">WCU");
        foreach (var s in result.Scenarios)
        {
            foreach (var line in OperationLine.Of(s))
            {
                var op = line.Operation;
                var l = line.Latency;
                string Ms(Func<LatencySummary, double?> pick) => l is not null && pick(l) is { } v ? Milliseconds(v) : "–";
                table.Row(line.IsOutcome
                    ? ["", line.Label, Count(line.Count), "", "", "", "", "", "", Ms(x => x.P50Ms), Ms(x => x.P95Ms), Ms(x => x.P99Ms), Ms(x => x.P999Ms), Ms(x => x.MaxMs), "", "", "", ""]
                    :
                    [
                        s.Name, op.Name, Count(op.Completed), Number(Throughput.Achieved(op, s)),
                        Count(op.Count("ok")), Count(op.Count("throttled")), Count(op.ThrottleEvents), Count(OperationFigures.Errors(op)), Count(op.Dropped),
                        Ms(x => x.P50Ms), Ms(x => x.P95Ms), Ms(x => x.P99Ms), Ms(x => x.P999Ms), Ms(x => x.MaxMs),
                        Milliseconds(op.ServiceTime.P99Ms), Count(op.Retries), Number(op.ReadUnits), Number(op.WriteUnits),
                    ]);
            }
        }

        if (table.Count == 0)
            sb.Append("No operations ran.\n");
        else
            table.WriteTo(sb);
        sb.Append('\n');
    }

    private static void WriteThrottles(StringBuilder sb, RunResult result)
    {
        sb.Append("### Throttles\n\n");
        var table = new MarkdownTable("scenario", "op", "reason", ">operations", ">share of op");
        foreach (var s in result.Scenarios)
        {
            foreach (var op in s.Operations)
            {
                foreach (var (reason, n) in op.ThrottleReasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
                    table.Row(s.Name, op.Name, reason, Count(n), Percent(n, op.Completed));
            }
        }

        if (table.Count == 0)
            sb.Append("No operation ended throttled.\n");
        else
            table.WriteTo(sb);
        // Throttles a retry recovered from (and unprocessed batch items) cost latency even though the call succeeded.
        sb.Append('\n').Append(MarkdownTable.Escape(ThrottleText.Events(result))).Append('\n');
        if (ThrottleText.Simulator(result) is { } simulator)
            sb.Append('\n').Append(MarkdownTable.Escape(simulator)).Append('\n');
        sb.Append('\n');
    }

    private static void WriteFindings(StringBuilder sb, IReadOnlyList<string> findings)
    {
        sb.Append("### Findings\n\n");
        if (findings.Count == 0)
        {
            sb.Append("Nothing to report.\n");
            return;
        }

        foreach (var f in findings)
            sb.Append("- ").Append(MarkdownTable.Escape(f)).Append('\n');
    }
}
