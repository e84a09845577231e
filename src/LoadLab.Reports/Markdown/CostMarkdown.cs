using System.Text;
using LoadLab.Core.Results;
using LoadLab.Reports.Text;

namespace LoadLab.Reports.Markdown;

/// <summary>The cost section of summary.md; nothing for results written before the estimate existed.</summary>
internal static class CostMarkdown
{
    public static void Write(StringBuilder sb, RunCost? cost)
    {
        if (cost is null || cost.Tables.Count == 0)
            return;
        sb.Append("### Estimated cost\n\n").Append(MarkdownTable.Escape(CostText.Note)).Append("\n\n");
        var table = new MarkdownTable(CostText.Headers);
        foreach (var row in CostText.Rows(cost))
            table.Row(row);
        table.WriteTo(sb);
        sb.Append('\n').Append(MarkdownTable.Escape(CostText.Prices(cost))).Append("\n\n");
    }
}
