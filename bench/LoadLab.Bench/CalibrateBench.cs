using System.Diagnostics;
using System.Globalization;
using LoadLab.Cli;
using LoadLab.Reports.Calibration;
using Spectre.Console;

namespace LoadLab.Bench;

/// <summary>
/// Calibration at full length (issue #16, item 5): each ready suite run for real (embedded local target behind the
/// capacity simulator) and simulated with the same seed, judged by <see cref="CalibrationReport"/> and printed as one
/// Markdown table. The integration test CalibrationTests does the same at a quarter of the length.
/// </summary>
internal static class CalibrateBench
{
    private static readonly string[] Suites = ["hot-key.yaml", "capacity-compare.yaml", "key-design-compare.yaml"];

    public static async Task<int> RunAsync()
    {
        string scenarios = Path.Combine(RepositoryRoot(), "scenarios");
        string work = Directory.CreateTempSubdirectory("loadlab-calibrate-").FullName;
        var rows = new List<CalibrationRow>();
        try
        {
            foreach (string suite in Suites)
            {
                string name = Path.GetFileNameWithoutExtension(suite);
                string real = Path.Combine(work, name, "real"), simulated = Path.Combine(work, name, "simulated");
                var clock = Stopwatch.StartNew();
                if (!await CliAsync(["run", Path.Combine(scenarios, suite), "--seed", "42", "--out", real, "--plain"]))
                    return 1;
                double realSeconds = clock.Elapsed.TotalSeconds;
                if (!await CliAsync(["simulate", Path.Combine(scenarios, suite), "--seed", "42", "--out", simulated, "--plain"]))
                    return 1;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: real run {realSeconds:0.0} s, simulation {clock.Elapsed.TotalSeconds - realSeconds:0.0} s"));
                rows.AddRange(CalibrationReport.CompareDirectories(name, real, simulated));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        Console.WriteLine();
        Console.Write(CalibrationReport.Markdown(rows));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count(r => r.Agrees)} of {rows.Count} operations agree."));
        return rows.All(r => r.Agrees) ? 0 : 1;
    }

    /// <summary>One LoadLab command; its output is kept and shown only when it fails (exit 1, a broken budget, still counts as run).</summary>
    private static async Task<bool> CliAsync(string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        int exit = await LoadLabApp.RunAsync(args, console);
        if (exit is 0 or 1)
            return true;
        Console.Error.WriteLine($"loadlab {string.Join(' ', args)} exited {exit}:");
        Console.Error.WriteLine(output.ToString());
        return false;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "LoadLab.sln")))
                return folder.FullName;
        throw new InvalidOperationException("Run the bench from inside the repository: no LoadLab.sln above the current folder.");
    }
}
