using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Cli.Settings;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using LoadLab.Runner.Simulation;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab simulate SUITE.yaml</c>: thin; the simulation orchestrator does the work.</summary>
internal sealed class SimulateCommand(CommandConsole console) : LoadLabCommand<SimulateSettings>(console)
{
    protected override async Task<int> RunAsync(SimulateSettings settings, CancellationToken stop)
    {
        // Plain lines: the live table follows real seconds, and virtual ones pass hundreds at a time.
        var progress = new RunProgress(Console, interactive: false, TimeSpan.FromSeconds(5));
        var services = new RunServices(new ConsoleRunReporter(Console, progress), TimeProvider.System, SafetyServices.Default(new ConsoleConfirmation(Console)));
        var suite = await SimulationRunner.RunAsync(services, settings.Options, stop).ConfigureAwait(false);

        foreach (var (variant, outcome) in suite.Runs)
            SuiteOutcomeView.WriteRun(Console, variant, outcome);
        SuiteOutcomeView.WriteComparison(Console, suite.ComparisonPath);
        return ExitCodes.Of(suite.Verdict);
    }
}
