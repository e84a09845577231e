using LoadLab.Core.Results;
using LoadLab.Reports.Html;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports;

/// <summary>Trace exemplars are linked from their operation's row in report.html, and only web addresses become links.</summary>
public sealed class TraceLinkTests
{
    private const string Console = "https://console.aws.amazon.com/cloudwatch/home?region=eu-west-1#xray:traces/1-5f3a1b2c-0123456789abcdef01234567";

    [Fact]
    public void An_operation_row_links_its_slowest_throttled_and_failed_traces_to_the_xray_console()
    {
        var run = WithExemplars(
            new TraceExemplar("1-5f3a1b2c-0123456789abcdef01234567", "slowest", 812, "ok", null, Console),
            new TraceExemplar("1-5f3a1b2c-0123456789abcdef01234568", "throttled", 95, "throttled", "TableWriteKeyRangeThroughputExceeded", Console + "8"));

        string html = HtmlReport.Render(run, []);

        Assert.Contains($"<a href=\"{System.Net.WebUtility.HtmlEncode(Console)}\" rel=\"noopener\">slowest 812 ms</a>", html, StringComparison.Ordinal);
        Assert.Contains(">throttled 95 ms</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_edited_javascript_address_is_shown_as_text_not_as_a_link()
    {
        var run = WithExemplars(new TraceExemplar("1-5f3a1b2c-0123456789abcdef01234567", "failed", 40, "serverError", "InternalServerError", "javascript:alert(1)"));

        string html = HtmlReport.Render(run, []);

        Assert.Contains("failed 40 ms", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
    }

    private static RunResult WithExemplars(params TraceExemplar[] exemplars)
    {
        var run = SyntheticRuns.Run;
        var scenario = run.Scenarios[0];
        var op = scenario.Operations[0] with { Exemplars = exemplars };
        return run with { Scenarios = [scenario with { Operations = [op, .. scenario.Operations.Skip(1)] }, .. run.Scenarios.Skip(1)] };
    }
}
