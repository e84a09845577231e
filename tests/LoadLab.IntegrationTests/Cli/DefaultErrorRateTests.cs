using System.Xml.Linq;
using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// A suite without budgets whose operations partly fail fails the run (exit 1) once its error rate is above failOn's
/// default of 1 %, so CI never passes a run that mostly failed; the suite can raise the ceiling. The errors are answers the
/// SDK really got: the simulator injects InternalServerError into a tenth of the requests and the suite allows one attempt.
/// </summary>
public sealed class DefaultErrorRateTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-error-rate-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int Exit, string Output, string Reports)> RunAsync(string name, string failOn)
    {
        var suite = Path.Combine(folder, name + ".yaml");
        await File.WriteAllTextAsync(suite, $$"""
            name: {{name}}
            tables:
              items: { name: ErrorRate, key: { pk: S } }
            data:
              items: { model: customer, items: 20 }
            scenarios:
              - { name: browse, table: items, mix: { get: 1 }, load: [ { rate: 40, for: 3s } ] }
            sdk: { maxAttempts: 1 }
            simulator: { faults: { internalServerError: 10% } }
            {{failOn}}
            """);
        var output = Path.Combine(folder, name);
        var console = new TestConsole();
        int exit = await LoadLabApp.RunAsync(["run", suite, "--out", output, "--plain"], console.Console);
        return (exit, console.Output, output);
    }

    [Fact]
    public async Task Without_budgets_an_error_rate_above_1_percent_fails_the_run_and_failOn_raises_the_ceiling()
    {
        var (exit, output, reports) = await RunAsync("default-ceiling", "");

        Assert.True(exit == 1, output);
        var result = ResultsJson.Read(Path.Combine(reports, ResultsJson.FileName));
        var get = Assert.Single(result.Scenarios[0].Operations);
        Assert.True(get.Count("serverError") > 0, output);
        Assert.Equal(get.InjectedFailures, get.Count("serverError"));
        var budget = Assert.Single(result.Budgets);
        Assert.Equal("all errorRate <= 1 %", budget.Name);
        Assert.False(budget.Passed);
        // About a tenth of the operations (the mix picks them at random): far above 1 %.
        Assert.InRange(budget.Measured!.Value, 2, 30);
        // CI sees it as a failed test case.
        var junit = XDocument.Load(Path.Combine(reports, "junit.xml"));
        Assert.Contains(junit.Descendants("failure"), f => f.Parent!.Attribute("name")!.Value.Contains("errorRate", StringComparison.Ordinal));

        var raised = await RunAsync("raised-ceiling", "failOn: { errorRate: 20% }");
        Assert.True(raised.Exit == 0, raised.Output);
        var passed = Assert.Single(ResultsJson.Read(Path.Combine(raised.Reports, ResultsJson.FileName)).Budgets);
        Assert.Equal("all errorRate <= 20 %", passed.Name);
        Assert.True(passed.Passed);
    }
}
