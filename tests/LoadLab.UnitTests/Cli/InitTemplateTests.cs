using LoadLab.Cli.Init;
using LoadLab.Runner.Suites;
using LoadLab.UnitTests.Runner.Suites.Schema;

namespace LoadLab.UnitTests.Cli;

/// <summary>The files <c>loadlab init</c> writes: the suite is valid for editors (suite.schema.json) and for the loader.</summary>
public sealed class InitTemplateTests
{
    private static string File(string relativePath) => Scaffold.Files("9.8.7").Single(f => f.RelativePath == relativePath).Text;

    [Fact]
    public void The_suite_is_valid_against_the_schema_editors_use()
    {
        var problems = SuiteSchemaValidator.Problems(File(Scaffold.SuitePath));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_suite_loads_with_four_budgets()
    {
        var plan = SuiteLoader.Parse(File(Scaffold.SuitePath), "suite.yaml", new SuiteLoadOptions { RunId = "init" });

        Assert.Equal(["checkout/get p99 <= 100 ms", "checkout/put p99 <= 150 ms", "all throttleRate < 1 %", "all errorRate < 0.5 %"], plan.Budgets.Select(b => b.Describe()));
    }

    [Fact]
    public void The_workflow_installs_the_version_that_wrote_it()
    {
        string workflow = File(Scaffold.WorkflowPath);

        Assert.Contains("LoadLab --version 9.8.7", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", workflow, StringComparison.Ordinal);
    }
}
