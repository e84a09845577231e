using System.Text;
using LoadLab.Reports.Markdown;

namespace LoadLab.Reports.Variants;

/// <summary>comparison.md: the verdict first, then the variants and one table per scope (run, operations, hot keys, cost).</summary>
public static class ComparisonMarkdown
{
    public static string Render(VariantComparison comparison, string suite)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var judgement = comparison.Judgement;
        var sb = new StringBuilder();
        sb.Append("# Variant comparison: ").Append(MarkdownTable.Escape(suite)).Append("\n\n");
        sb.Append("**").Append(MarkdownTable.Escape(ComparisonText.VerdictTitle(judgement.Verdict))).Append("** — ")
            .Append(MarkdownTable.Escape(judgement.Verdict.Reason)).Append("\n\n");
        foreach (var warning in judgement.Warnings)
            sb.Append("> ⚠️ ").Append(MarkdownTable.Escape(warning)).Append("\n\n");
        var variants = new MarkdownTable("variant", "changes", "budgets", "report");
        foreach (var v in comparison.Variants)
        {
            variants.Row(v.Name, v.Changes.Count == 0 ? "the suite as written" : string.Join("; ", v.Changes),
                Verdict(v.Result), v.Name + "/summary.md");
        }
        variants.WriteTo(sb);
        sb.Append('\n').Append(MarkdownTable.Escape(ComparisonText.Legend)).Append('\n');

        foreach (var group in judgement.Rows.GroupBy(r => r.Group))
        {
            sb.Append("\n## ").Append(MarkdownTable.Escape(group.Key)).Append("\n\n");
            var table = new MarkdownTable(["metric", .. comparison.Names.Select(n => ">" + n), "note"]);
            foreach (var row in group)
                table.Row([row.Metric, .. Enumerable.Range(0, comparison.Names.Count).Select(i => ComparisonText.Cell(row, i)), ComparisonText.Note(row)]);
            table.WriteTo(sb);
        }

        return sb.ToString();
    }

    internal static string Verdict(Core.Results.RunResult result) =>
        result.Run.TargetFailure is not null ? "target failed (partial)" : result.Run.Interrupted ? "interrupted (partial)" : result.BudgetsPassed ? (result.Budgets.Count == 0 ? "no budgets" : "budgets passed") : "budget failed";
}
