using System.Text.Json.Nodes;
using LoadLab.Cli.Console;
using LoadLab.Core.Results;
using LoadLab.Reports.Html;
using LoadLab.Reports.JUnit;
using LoadLab.Reports.Json;
using LoadLab.Reports.Markdown;
using LoadLab.UnitTests.Reports.Support;
using Spectre.Console;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.UnitTests.Reports;

/// <summary>
/// One definition of ops/s — completed operations in the measured window (after warm-up) over its length — and the
/// same number in the console, summary.md, report.html, junit.xml and results.json.
/// </summary>
public sealed class OpsPerSecondTests
{
    private static readonly RunResult Run = SyntheticRuns.Run;

    [Fact]
    public void Ops_per_second_is_completed_operations_over_the_window_after_warm_up()
    {
        var s = Run.Scenarios[0];
        var op = s.Operations[0];

        Assert.True(s.Warmup.Seconds > 0, "the sample has a warm-up");
        Assert.Equal(s.DurationSeconds - s.Warmup.Seconds, s.MeasuredSeconds);
        Assert.Equal(Math.Round(op.Completed / s.MeasuredSeconds, 3), Throughput.Achieved(op, s));
        Assert.Equal(Throughput.Achieved(op, s), op.AchievedOpsPerSecond);
        Assert.Equal(Throughput.Achieved(s), s.AchievedOpsPerSecond);
    }

    [Fact]
    public void Every_view_shows_the_same_number()
    {
        string markdown = SummaryMarkdown.Render(Run);
        string html = HtmlReport.Render(Run, []);
        string junit = JUnitReport.Build(Run).ToString();
        var json = JsonNode.Parse(ResultsJson.Serialize(Run))!;
        string console = Console(Run);

        for (int i = 0; i < Run.Scenarios.Count; i++)
        {
            var s = Run.Scenarios[i];
            Assert.Equal(s.AchievedOpsPerSecond, json["scenarios"]![i]!["achievedOpsPerSecond"]!.GetValue<double>());
            Assert.Contains($"{Number(Throughput.Achieved(s))} ops/s achieved over the window", html, StringComparison.Ordinal);
            for (int j = 0; j < s.Operations.Count; j++)
            {
                var op = s.Operations[j];
                double rate = Throughput.Achieved(op, s);
                string text = Number(rate);
                Assert.Equal(rate, json["scenarios"]![i]!["operations"]![j]!["achievedOpsPerSecond"]!.GetValue<double>());
                Assert.Contains($"| {s.Name} | {op.Name} | {Count(op.Completed)} | {text} |", markdown, StringComparison.Ordinal);
                Assert.Contains($">{Count(op.Completed)}</td>\n<td class=\"num\">{text}</td>", html.Replace("</td><td", "</td>\n<td", StringComparison.Ordinal), StringComparison.Ordinal);
                Assert.Contains($"name=\"ops/s {s.Name}/{op.Name}\" value=\"{text}\"", junit, StringComparison.Ordinal);
                Assert.Contains(console.Split('\n'), line => line.Contains($" {op.Name} ", StringComparison.Ordinal) && line.Contains($" {Count(op.Completed)} ", StringComparison.Ordinal) && line.Contains($" {text} ", StringComparison.Ordinal));
            }
        }
    }

    private static string Console(RunResult result)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 400;
        console.Write(SummaryTable.Build(result));
        return writer.ToString();
    }
}
