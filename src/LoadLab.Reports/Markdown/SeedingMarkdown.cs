using System.Text;
using LoadLab.Core.Results;
using LoadLab.Reports.Text;

namespace LoadLab.Reports.Markdown;

/// <summary>The seeding and warm-up section of summary.md: traffic kept out of every other figure.</summary>
internal static class SeedingMarkdown
{
    public static void Write(StringBuilder sb, RunResult result)
    {
        if (result.Seeding.Count == 0 && result.Simulator is not { Seeding.Count: > 0 })
            return;
        sb.Append("### Seeding and warm-up\n\n").Append(MarkdownTable.Escape(SeedingText.Note)).Append("\n\n");
        if (result.Seeding.Count > 0)
        {
            var table = new MarkdownTable(SeedingText.DataSetHeaders);
            foreach (var row in SeedingText.DataSets(result))
                table.Row(row);
            table.WriteTo(sb);
            sb.Append('\n');
        }

        if (result.Simulator is { Seeding.Count: > 0 })
        {
            var table = new MarkdownTable(SeedingText.TrafficHeaders);
            foreach (var row in SeedingText.Traffic(result))
                table.Row(row);
            table.WriteTo(sb);
            sb.Append('\n');
        }
    }
}
