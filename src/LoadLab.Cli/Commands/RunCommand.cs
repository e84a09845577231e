using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Cli.Settings;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab run SUITE.yaml</c>: thin; the orchestrator does the work.</summary>
internal sealed class RunCommand(CommandConsole console) : LoadLabCommand<RunSettings>(console)
{
    protected override async Task<int> RunAsync(RunSettings settings, CancellationToken stop)
    {
        var options = settings.Options;
        var metrics = MetricsOutput.Requested(settings.MetricsRequested, options.SuitePath, options.Environment);
        bool interactive = !options.Plain && !System.Console.IsOutputRedirected && Console.Profile.Capabilities.Interactive;
        var progress = new RunProgress(Console, interactive, TimeSpan.FromSeconds(5));
        var reporter = new ConsoleRunReporter(Console, progress);
        var services = new RunServices(reporter, TimeProvider.System, SafetyServices.Default(new ConsoleConfirmation(Console)));
        var suite = await new VariantRunner(services).RunAsync(options, stop).ConfigureAwait(false);

        foreach (var (variant, outcome) in suite.Runs)
        {
            SuiteOutcomeView.WriteRun(Console, variant, outcome);
            await MetricsOutput.WriteAsync(metrics, outcome.Result, outcome.ResultsPath, CancellationToken.None).ConfigureAwait(false);
        }

        SuiteOutcomeView.WriteComparison(Console, suite.ComparisonPath);
        return ExitCodes.Of(suite.Verdict);
    }
}
