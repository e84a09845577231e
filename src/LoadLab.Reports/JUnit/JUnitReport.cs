using System.Globalization;
using System.Xml.Linq;
using LoadLab.Core.Budgets;
using LoadLab.Core.Results;
using LoadLab.Reports.Text;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.JUnit;

/// <summary>
/// junit.xml: one testsuite per run, one testcase per budget, so CI systems that read JUnit show
/// each broken budget as a failed test with measured value, limit and margin in its message.
/// Without budgets (or when the run was interrupted) a "run completed" testcase says whether the
/// run itself finished.
/// </summary>
public static class JUnitReport
{
    public const string RunCompletedTestName = "run completed";

    public static XDocument Build(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var run = result.Run;
        var cases = result.Budgets.Select(BudgetCase).ToList();
        if (result.Budgets.Count == 0 || run.Interrupted || run.TargetFailure is not null)
            cases.Add(RunCompletedCase(result));

        int failures = cases.Count(c => c.Element("failure") is not null);
        string time = Seconds3(run.DurationSeconds);
        var suite = new XElement("testsuite",
            new XAttribute("name", XmlSafe(run.Suite)),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", time),
            // JUnit's schema wants a local ISO timestamp without offset; ours is UTC.
            new XAttribute("timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
            Properties(result),
            cases);
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites",
                new XAttribute("name", XmlSafe("LoadLab " + run.Suite)),
                new XAttribute("tests", cases.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", 0),
                new XAttribute("time", time),
                suite));
    }

    /// <summary>Class name that groups a budget's testcase: scenario/op, scenario, or "run" for run-wide budgets.</summary>
    public static string ClassName(BudgetOutcome budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return (budget.Scenario, budget.Operation) switch
        {
            (null, null) => "run",
            (null, { } op) => "run/" + op,
            ({ } s, null) => s,
            ({ } s, { } op) => s + "/" + op,
        };
    }

    /// <summary>"measured 31.2 ms, limit &lt;= 25 ms, margin −6.2 ms": what a CI annotation shows.</summary>
    public static string Message(BudgetOutcome budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        string measured = budget.Measured is { } m ? "measured " + WithUnit(m, budget.Unit) : "no samples measured";
        string margin = budget.Margin is { } g ? ", margin " + SignedWithUnit(g, budget.Unit) : "";
        string window = budget.Window is null ? "" : " (worst " + budget.Window + " window)";
        string note = string.IsNullOrEmpty(budget.Note) ? "" : "; " + budget.Note;
        return $"{measured}{window}, limit {budget.Comparison} {WithUnit(budget.Limit, budget.Unit)}{margin}{note}";
    }

    private static XElement BudgetCase(BudgetOutcome budget)
    {
        var testcase = new XElement("testcase",
            new XAttribute("classname", XmlSafe(ClassName(budget))),
            new XAttribute("name", XmlSafe(budget.Name)),
            new XAttribute("time", "0"));
        string message = XmlSafe(Message(budget));
        if (!budget.Passed)
        {
            testcase.Add(new XElement("failure",
                new XAttribute("message", message),
                new XAttribute("type", "BudgetFailed"),
                XmlSafe($"{budget.Name}: {message}. Metric {budget.Metric}.")));
        }
        else
        {
            // Passing cases keep the figures too, so a CI test view shows the margin left.
            testcase.Add(new XElement("system-out", XmlSafe($"{budget.Name}: {message}")));
        }

        return testcase;
    }

    private static XElement RunCompletedCase(RunResult result)
    {
        var testcase = new XElement("testcase",
            new XAttribute("classname", "run"),
            new XAttribute("name", RunCompletedTestName),
            new XAttribute("time", Seconds3(result.Run.DurationSeconds)));
        long completed = result.Scenarios.Sum(s => s.Operations.Sum(o => o.Completed));
        string ran = $"{Count(completed)} operation(s) completed in {ReportNumbers.Seconds(result.Run.DurationSeconds)}, {Number(result.Scenarios.Sum(Throughput.Achieved))} ops/s over the measured window";
        if (result.Run.TargetFailure is { } failure)
        {
            testcase.Add(new XElement("failure",
                new XAttribute("message", FormattableString.Invariant($"the target stopped answering {failure.SinceSeconds:0.#} s into the load; the run stopped at {failure.StoppedAtSeconds:0.#} s")),
                new XAttribute("type", "TargetFailed"),
                ran + " before the target stopped answering."));
        }
        else if (result.Run.Interrupted)
        {
            testcase.Add(new XElement("failure",
                new XAttribute("message", "the run was interrupted; results are partial"),
                new XAttribute("type", "Interrupted"),
                ran + " before the run was interrupted."));
        }
        else
        {
            testcase.Add(new XElement("system-out", ran + "."));
        }

        return testcase;
    }

    /// <summary>The run's facts, then each operation's ops/s (the reports' one definition), so CI dashboards can chart it.</summary>
    private static XElement Properties(RunResult result)
    {
        var run = result.Run;
        return new("properties",
            Property("runId", run.RunId),
            Property("environment", run.Environment),
            Property("seed", run.Seed.ToString(CultureInfo.InvariantCulture)),
            Property("interrupted", run.Interrupted ? "true" : "false"),
            Property("target", run.Target.Kind + (run.Target.Endpoint is { } e ? " " + e : "")),
            Property("region", run.Target.Region),
            result.Scenarios.SelectMany(s => s.Operations.Select(o => Property("ops/s " + s.Name + "/" + o.Name, Number(Throughput.Achieved(o, s))))));
    }

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", XmlSafe(value)));

    /// <summary>
    /// Names come from suite files and findings; a control character XML 1.0 cannot carry would make
    /// the writer throw and lose the whole file, so it becomes U+FFFD instead.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int bad = text.IndexOfAny(InvalidXmlChars);
        if (bad < 0) return text;
        var chars = text.ToCharArray();
        for (int i = bad; i < chars.Length; i++)
        {
            if (Array.IndexOf(InvalidXmlChars, chars[i]) >= 0) chars[i] = '\uFFFD';
        }

        return new string(chars);
    }

    // C0 controls other than tab, newline and carriage return; surrogates are written as pairs by XmlWriter.
    private static readonly char[] InvalidXmlChars = Enumerable.Range(0, 0x20).Where(c => c is not (0x9 or 0xA or 0xD)).Select(c => (char)c).Append('\uFFFE').Append('\uFFFF').ToArray();

    private static string Seconds3(double seconds) => Math.Max(0, seconds).ToString("0.000", CultureInfo.InvariantCulture);
}
