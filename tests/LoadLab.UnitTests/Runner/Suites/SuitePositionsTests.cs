using LoadLab.Runner.Suites;

namespace LoadLab.UnitTests.Runner.Suites;

/// <summary>Positions of scenarios and mix entries read again from a suite file, for refusals found after binding.</summary>
public sealed class SuitePositionsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-positions-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Mix_entries_are_found_by_scenario_name_and_index_in_block_and_flow_style()
    {
        string path = Path.Combine(folder, "suite.yaml");
        File.WriteAllText(path, """
            scenarios:
              - name: first
                table: items
                mix: { get: 1, scan: 2 }
              - table: items
                name: second
                mix:
                  put: 1
                  query: 2
            """);

        var positions = SuitePositions.Read(path);

        Assert.Equal(new SuiteError(path, 4, 20, "m"), positions.AtOperation("first", 1, "m"));
        Assert.Equal(new SuiteError(path, 9, 7, "m"), positions.AtOperation("second", 1, "m"));
        Assert.Equal(new SuiteError(path, 5, 12, "m"), positions.AtScenario("second", "m"));
        // An index past the mix points at the scenario; an unknown scenario has no position.
        Assert.Equal(new SuiteError(path, 2, 5, "m"), positions.AtOperation("first", 5, "m"));
        Assert.Equal(new SuiteError(path, 0, 0, "m"), positions.AtOperation("third", 0, "m"));
    }

    [Fact]
    public void A_file_gone_since_it_loaded_gives_errors_without_positions()
    {
        string path = Path.Combine(folder, "gone.yaml");

        var error = SuitePositions.Read(path).AtOperation("first", 0, "cannot be simulated");

        Assert.Equal($"{path}: cannot be simulated", error.ToString());
    }
}
