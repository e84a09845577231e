using System.Xml.Linq;
using LoadLab.Core.Budgets;
using LoadLab.Core.Results;
using LoadLab.Reports.JUnit;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports;

public class JUnitReportTests
{
    private static readonly RunResult Run = SyntheticRuns.Run;

    [Fact]
    public async Task Junit_xml_parses_with_one_suite_and_one_testcase_per_budget()
    {
        using var dir = new TempDirectory();
        await new JUnitExporter().ExportAsync(Run, dir.Path, CancellationToken.None);

        var doc = XDocument.Load(dir.File("junit.xml"));
        var root = doc.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        var suite = Assert.Single(root.Elements("testsuite"));
        int failed = Run.Budgets.Count(b => !b.Passed);
        Assert.Equal(Run.Budgets.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)suite.Attribute("tests"));
        Assert.Equal(failed.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)suite.Attribute("failures"));
        Assert.Equal((string?)suite.Attribute("tests"), (string?)root.Attribute("tests"));
        Assert.Equal((string?)suite.Attribute("failures"), (string?)root.Attribute("failures"));
        Assert.Equal("120.000", (string?)suite.Attribute("time"));
        Assert.Equal("2026-11-26T12:00:00", (string?)suite.Attribute("timestamp"));
        Assert.Equal(Run.Run.RunId, suite.Element("properties")!.Elements("property").Single(p => (string?)p.Attribute("name") == "runId").Attribute("value")!.Value);

        var cases = suite.Elements("testcase").ToArray();
        Assert.Equal(Run.Budgets.Select(b => b.Name), cases.Select(c => (string?)c.Attribute("name")));
        Assert.Equal(failed, cases.Count(c => c.Element("failure") is not null));
    }

    [Fact]
    public void Class_names_are_scenario_slash_operation()
    {
        var doc = JUnitReport.Build(Run);
        var cases = doc.Descendants("testcase").ToDictionary(c => (string)c.Attribute("name")!, c => (string)c.Attribute("classname")!);
        foreach (var b in Run.Budgets)
        {
            string expected = b.Scenario is null ? "run" : b.Operation is null ? b.Scenario : b.Scenario + "/" + b.Operation;
            Assert.Equal(expected, cases[b.Name]);
        }

        Assert.Contains("browse/get", cases.Values);
        Assert.Contains("run", cases.Values);
    }

    [Fact]
    public void Failures_carry_measured_value_limit_and_margin()
    {
        var budget = new BudgetOutcome("checkout/put p99 <= 25 ms", "checkout", "put", "p99", "<=", 25, 31.25, "ms", false);
        var doc = JUnitReport.Build(Run with { Budgets = [budget] });

        var failure = doc.Descendants("failure").Single();
        Assert.Equal("measured 31.3 ms, limit <= 25 ms, margin −6.25 ms", (string?)failure.Attribute("message"));
        Assert.Equal("BudgetFailed", (string?)failure.Attribute("type"));
        Assert.Contains("checkout/put p99 <= 25 ms", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Passing_budgets_keep_their_figures_in_system_out()
    {
        var budget = new BudgetOutcome("browse throughput >= 50 ops/s", "browse", null, "throughput", ">=", 50, 84.5, "ops/s", true);
        var testcase = JUnitReport.Build(Run with { Budgets = [budget] }).Descendants("testcase").Single();
        Assert.Null(testcase.Element("failure"));
        Assert.Equal("browse", (string?)testcase.Attribute("classname"));
        Assert.Equal("browse throughput >= 50 ops/s: measured 84.5 ops/s, limit >= 50 ops/s, margin +34.5 ops/s", testcase.Element("system-out")!.Value);
    }

    [Fact]
    public void A_budget_without_samples_says_so()
    {
        var budget = new BudgetOutcome("idle/get p99 <= 10 ms", "idle", "get", "p99", "<=", 10, null, "ms", false, Window: "30s", Note: "no samples");
        var message = (string?)JUnitReport.Build(Run with { Budgets = [budget] }).Descendants("failure").Single().Attribute("message");
        Assert.Equal("no samples measured (worst 30s window), limit <= 10 ms; no samples", message);
    }

    [Fact]
    public void Without_budgets_a_single_run_completed_testcase_passes()
    {
        var doc = JUnitReport.Build(Run with { Budgets = [] });
        var testcase = doc.Descendants("testcase").Single();
        Assert.Equal("run completed", (string?)testcase.Attribute("name"));
        Assert.Equal("run", (string?)testcase.Attribute("classname"));
        Assert.Null(testcase.Element("failure"));
        Assert.Equal("0", (string?)doc.Root!.Attribute("failures"));
    }

    [Fact]
    public void An_interrupted_run_fails_the_run_completed_testcase()
    {
        var doc = JUnitReport.Build(Run with { Budgets = [], Run = Run.Run with { Interrupted = true } });
        var failure = doc.Descendants("testcase").Single().Element("failure");
        Assert.NotNull(failure);
        Assert.Equal("the run was interrupted; results are partial", (string?)failure.Attribute("message"));
        Assert.Equal("1", (string?)doc.Root!.Attribute("failures"));
    }

    [Fact]
    public async Task Characters_xml_cannot_carry_are_replaced_not_fatal()
    {
        using var dir = new TempDirectory();
        var budget = new BudgetOutcome("bell\u0007 p99 <= 1 ms", null, null, "p99", "<=", 1, 2, "ms", false);
        await new JUnitExporter().ExportAsync(Run with { Budgets = [budget] }, dir.Path, CancellationToken.None);

        var doc = XDocument.Load(dir.File("junit.xml"));
        Assert.Equal("bell\uFFFD p99 <= 1 ms", (string?)doc.Descendants("testcase").Single().Attribute("name"));
    }
}
