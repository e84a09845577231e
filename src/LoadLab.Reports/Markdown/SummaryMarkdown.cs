using System.Text;
using LoadLab.Core.Budgets;
using LoadLab.Core.Results;
using LoadLab.Reports.Text;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Markdown;

/// <summary>
/// summary.md: the run on one screen, for a PR comment or a CI job summary. Verdict first, then
/// the budgets (what gates the release), then the per-operation figures behind them.
/// </summary>
public static class SummaryMarkdown
{
    public static string Render(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        WriteHeader(sb, result);
        WriteBudgets(sb, result.Budgets);
        WriteOperations(sb, result);
        WriteThrottleReasons(sb, result);
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
        if (result.Simulator is { } simulator)
            sb.Append("\nCapacity simulator: ").Append(MarkdownTable.Escape(SimulatorText.Settings(simulator))).Append(".\n");
        sb.Append('\n');
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
        sb.Append("### Operations\n\nLatency is corrected for coordinated omission (from the intended start); service time is from the actual send.\n\n");
        var table = new MarkdownTable(
            "scenario", "op", ">ops", ">ops/s", ">ok", ">throttled", ">errors", ">dropped",
            ">p50", ">p99", ">p99.9", ">max", ">service p99", ">retries", ">RCU", ">WCU");
        foreach (var s in result.Scenarios)
        {
            foreach (var op in s.Operations)
            {
                table.Row(
                    s.Name, op.Name, Count(op.Completed), Number(OperationFigures.OpsPerSecond(op, s)),
                    Count(op.Count("ok")), Count(op.Count("throttled")), Count(OperationFigures.Errors(op)), Count(op.Dropped),
                    Milliseconds(op.Latency.P50Ms), Milliseconds(op.Latency.P99Ms), Milliseconds(op.Latency.P999Ms), Milliseconds(op.Latency.MaxMs),
                    Milliseconds(op.ServiceTime.P99Ms), Count(op.Retries), Number(op.ReadUnits), Number(op.WriteUnits));
            }
        }

        if (table.Count == 0)
            sb.Append("No operations ran.\n");
        else
            table.WriteTo(sb);
        sb.Append('\n');
    }

    private static void WriteThrottleReasons(StringBuilder sb, RunResult result)
    {
        sb.Append("### Throttles\n\n");
        var table = new MarkdownTable("scenario", "op", "reason", ">operations", ">share of op");
        long attempts = 0;
        foreach (var s in result.Scenarios)
        {
            foreach (var op in s.Operations)
            {
                attempts += op.ThrottledAttempts;
                foreach (var (reason, n) in op.ThrottleReasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
                    table.Row(s.Name, op.Name, reason, Count(n), Percent(n, op.Completed));
            }
        }

        if (table.Count == 0)
            sb.Append("No operation ended throttled");
        else
            table.WriteTo(sb);
        // Throttled attempts that a retry recovered from cost latency even though the call succeeded.
        sb.Append(table.Count == 0 ? "; " : "\n").Append(Count(attempts)).Append(" throttled attempt(s) in all, retries included.\n\n");
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
