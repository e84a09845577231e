using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// A suite whose mix holds a PartiQL <c>statement</c> runs on the local target (dynalite behind the simulator, which
/// carries out ExecuteStatement): every statement completes, and its units are the UpdateItem's it stands for.
/// </summary>
public sealed class StatementSuiteRunTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-statement-run-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_statement_in_the_mix_runs_on_the_local_target_and_is_measured()
    {
        var suite = Path.Combine(folder, "statement.yaml");
        await File.WriteAllTextAsync(suite, """
            name: statement-run
            tables:
              items: { name: StatementRun, key: { pk: S } }
            data:
              items: { model: customer, items: 50 }
            scenarios:
              - name: browse
                table: items
                mix:
                  get: 1
                  statement: { weight: 3, text: 'UPDATE "{table}" SET visits = 1 WHERE pk = ?', params: [pk] }
                load: [ { rate: 20, for: 2s } ]
            """);
        var output = Path.Combine(folder, "run");
        var console = new TestConsole();

        int exit = await LoadLabApp.RunAsync(["run", suite, "--out", output, "--plain"], console.Console);

        Assert.True(exit == 0, console.Output);
        var result = ResultsJson.Read(Path.Combine(output, ResultsJson.FileName));
        var statement = result.Scenarios[0].Operations.Single(o => o.Name == "statement");
        Assert.True(statement.Completed > 0, console.Output);
        Assert.Equal(statement.Completed, statement.Count("ok"));
        // Each UPDATE rewrites one seeded customer item (under 1 KB): one write unit apiece.
        Assert.Equal(statement.Completed, statement.WriteUnits);
    }
}
