using LoadLab.Core.Results;
using LoadLab.Reports.Html;
using LoadLab.Reports.Markdown;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports;

/// <summary>Runs through the capacity simulator state its preset and overrides in every human-readable report.</summary>
public class SimulatorSettingsReportTests
{
    private static readonly RunResult Simulated = SyntheticRuns.Run with
    {
        Simulator = new SimulatorSection
        {
            Preset = "optimistic",
            Overrides = new Dictionary<string, string> { ["splitHeatAfter"] = "30s", ["burstSeconds"] = "0" },
        },
    };

    [Fact]
    public void Summary_names_the_preset_and_every_override()
    {
        Assert.Contains("Capacity simulator: preset optimistic, overrides burstSeconds=0, splitHeatAfter=30s.", SummaryMarkdown.Render(Simulated), StringComparison.Ordinal);
    }

    [Fact]
    public void Html_report_names_the_preset_and_every_override()
    {
        var html = HtmlReport.Render(Simulated, []);

        Assert.Contains("capacity simulator", html, StringComparison.Ordinal);
        Assert.Contains("preset optimistic, overrides burstSeconds=0, splitHeatAfter=30s", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Runs_without_the_simulator_say_nothing_about_it()
    {
        var run = SyntheticRuns.Run with { Simulator = null };

        Assert.DoesNotContain("Capacity simulator", SummaryMarkdown.Render(run), StringComparison.Ordinal);
        Assert.DoesNotContain("capacity simulator", HtmlReport.Render(run, []), StringComparison.Ordinal);
    }
}
