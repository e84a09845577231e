using LoadLab.Core.Results;
using LoadLab.Reports.Markdown;
using LoadLab.Reports.Text;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports;

public class SummaryMarkdownTests
{
    private static readonly RunResult Run = SyntheticRuns.Run;
    private static readonly string Text = SummaryMarkdown.Render(Run);

    [Fact]
    public void Header_names_suite_run_environment_duration_and_interruption()
    {
        Assert.StartsWith("## ❌ LoadLab: orders-release-check — ", Text, StringComparison.Ordinal);
        Assert.Contains("| run id | environment | started | duration | interrupted | target |", Text, StringComparison.Ordinal);
        Assert.Contains($"| {Run.Run.RunId} | local | 2026-11-26 12:00:00 UTC | 2m | no |", Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Budgets_table_has_one_row_per_budget_with_verdict_measured_limit_and_margin()
    {
        Assert.Contains("|  | budget | measured | limit | margin | note |", Text, StringComparison.Ordinal);
        var rows = Lines(Text).Where(l => l.StartsWith("| ✅ |", StringComparison.Ordinal) || l.StartsWith("| ❌ |", StringComparison.Ordinal)).ToArray();
        Assert.Equal(Run.Budgets.Count, rows.Length);
        Assert.Equal(Run.Budgets.Count(b => !b.Passed), rows.Count(r => r.StartsWith("| ❌", StringComparison.Ordinal)));
        Assert.Contains(Run.Budgets, b => b.Passed);
        Assert.Contains(Run.Budgets, b => !b.Passed);

        var failed = Run.Budgets.First(b => !b.Passed);
        string row = rows.Single(r => r.Contains(MarkdownTable.Escape(failed.Name), StringComparison.Ordinal));
        Assert.Contains(ReportNumbers.WithUnit(failed.Measured!.Value, failed.Unit), row, StringComparison.Ordinal);
        Assert.Contains("&lt;= " + ReportNumbers.WithUnit(failed.Limit, failed.Unit), row, StringComparison.Ordinal);
        Assert.Contains("−" + ReportNumbers.WithUnit(-failed.Margin!.Value, failed.Unit), row, StringComparison.Ordinal);
    }

    [Fact]
    public void Operations_table_has_a_row_per_operation_with_the_latency_of_its_successful_operations_and_a_row_per_other_outcome()
    {
        Assert.Contains("| scenario | op | ops | ops/s | ok | throttled | throttle events | errors | dropped | p50 | p95 | p99 | p99.9 | max | service p99 | retries | RCU | WCU |", Text, StringComparison.Ordinal);
        foreach (var s in Run.Scenarios)
        {
            foreach (var op in s.Operations)
            {
                string expected = string.Join(" | ",
                    s.Name, op.Name, ReportNumbers.Count(op.Completed), ReportNumbers.Number(Throughput.Achieved(op, s)),
                    ReportNumbers.Count(op.Count("ok")), ReportNumbers.Count(op.Count("throttled")), ReportNumbers.Count(op.ThrottleEvents),
                    ReportNumbers.Count(OperationFigures.Errors(op)), ReportNumbers.Count(op.Dropped),
                    ReportNumbers.Milliseconds(op.OkLatency.P50Ms), ReportNumbers.Milliseconds(op.OkLatency.P95Ms!.Value), ReportNumbers.Milliseconds(op.OkLatency.P99Ms),
                    ReportNumbers.Milliseconds(op.OkLatency.P999Ms), ReportNumbers.Milliseconds(op.OkLatency.MaxMs), ReportNumbers.Milliseconds(op.ServiceTime.P99Ms),
                    ReportNumbers.Count(op.Retries), ReportNumbers.Number(op.ReadUnits), ReportNumbers.Number(op.WriteUnits));
                Assert.Contains("| " + expected + " |", Text, StringComparison.Ordinal);
                foreach (var (outcome, count) in op.Outcomes.Where(o => o.Key != "ok"))
                {
                    var latency = op.LatencyByOutcome![outcome];
                    Assert.Contains($"|  | ↳ {outcome} | {ReportNumbers.Count(count)} |", Text, StringComparison.Ordinal);
                    Assert.Contains($" | {ReportNumbers.Milliseconds(latency.P99Ms)} | {ReportNumbers.Milliseconds(latency.P999Ms)} | {ReportNumbers.Milliseconds(latency.MaxMs)} |", Text, StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public void The_headline_comes_first_with_goodput_error_and_throttle_shares_ok_latency_and_a_finding()
    {
        var headline = Headline.Of(Run);
        int at = Text.IndexOf("### Headline", StringComparison.Ordinal);
        Assert.True(at > 0 && at < Text.IndexOf("### Budgets", StringComparison.Ordinal));
        Assert.Contains($"| {ReportNumbers.Count(headline.Operations)} | {ReportNumbers.Number(headline.OpsPerSecond)} | {ReportNumbers.Number(headline.Goodput)} |", Text, StringComparison.Ordinal);
        Assert.Contains(ReportNumbers.Milliseconds(headline.OkLatency!.Value.P95), Text, StringComparison.Ordinal);
        Assert.Contains("**Finding:** " + MarkdownTable.Escape(headline.Finding), Text, StringComparison.Ordinal);
        Assert.StartsWith("Throttling: ", headline.Finding, StringComparison.Ordinal);
        Assert.NotEmpty(headline.ThrottledByReason);
    }

    [Fact]
    public void Throttle_reasons_and_findings_are_listed()
    {
        foreach (var op in Run.Scenarios.SelectMany(s => s.Operations))
        {
            foreach (var (reason, n) in op.ThrottleReasons)
                Assert.Contains($"| {reason} | {ReportNumbers.Count(n)} |", Text, StringComparison.Ordinal);
        }

        Assert.NotEmpty(Run.Findings);
        foreach (var finding in Run.Findings)
            Assert.Contains("- " + MarkdownTable.Escape(finding), Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_without_budgets_or_throttles_says_so()
    {
        var plain = Run with
        {
            Budgets = [],
            Findings = [],
            Scenarios = Run.Scenarios.Select(s => s with { Operations = s.Operations.Select(o => o with { ThrottleReasons = new Dictionary<string, long>(), ThrottledAttempts = 0 }).ToArray() }).ToArray(),
        };
        string text = SummaryMarkdown.Render(plain);
        Assert.StartsWith("## ✅", text, StringComparison.Ordinal);
        Assert.Contains("The suite sets no budgets.", text, StringComparison.Ordinal);
        Assert.Contains("No operation ended throttled.", text, StringComparison.Ordinal);
        Assert.Contains("Nothing to report.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interrupted_run_is_flagged()
    {
        var interrupted = Run with { Budgets = [], Run = Run.Run with { Interrupted = true } };
        string text = SummaryMarkdown.Render(interrupted);
        Assert.StartsWith("## ⚠️ LoadLab: orders-release-check — interrupted (partial results), no budgets", text, StringComparison.Ordinal);
        Assert.Contains("| yes |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_cannot_break_tables_or_inject_markup()
    {
        string text = SummaryMarkdown.Render(SyntheticRuns.Hostile);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"co\"", text, StringComparison.Ordinal);
        Assert.Equal("a \\| b", MarkdownTable.Escape("a | b"));
        // Every table row has as many cells as its header, so no name split a row.
        foreach (var table in Tables(text))
            Assert.All(table, row => Assert.Equal(Cells(table[0]), Cells(row)));
    }

    [Fact]
    public async Task The_exporter_appends_to_the_github_step_summary_when_set()
    {
        using var dir = new TempDirectory();
        string stepSummary = dir.File("step-summary.md");
        await File.WriteAllTextAsync(stepSummary, "# earlier step\n");
        var exporter = new SummaryMarkdownExporter(name => name == "GITHUB_STEP_SUMMARY" ? stepSummary : null);

        var written = await exporter.ExportAsync(Run, dir.Path, CancellationToken.None);

        Assert.Equal([dir.File("summary.md")], written);
        string summary = await File.ReadAllTextAsync(dir.File("summary.md"));
        Assert.Equal(Text, summary);
        Assert.Equal("# earlier step\n" + Text + "\n", await File.ReadAllTextAsync(stepSummary));
    }

    [Fact]
    public async Task Without_the_variable_only_summary_md_is_written()
    {
        using var dir = new TempDirectory();
        var asked = new List<string>();
        var exporter = new SummaryMarkdownExporter(name => { asked.Add(name); return null; });

        await exporter.ExportAsync(Run, dir.Path, CancellationToken.None);

        Assert.Equal(["GITHUB_STEP_SUMMARY"], asked);
        Assert.Equal(["summary.md"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static List<List<string>> Tables(string text)
    {
        var tables = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in Lines(text))
        {
            if (line.StartsWith('|'))
                (current ??= []).Add(line);
            else if (current is not null)
            {
                tables.Add(current);
                current = null;
            }
        }

        return tables;
    }

    /// <summary>Cells of a row: unescaped pipes separate cells, "\|" does not.</summary>
    private static int Cells(string row) => row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|') - 1;
}
