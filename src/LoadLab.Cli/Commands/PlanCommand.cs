using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Cli.Settings;
using LoadLab.Runner.Safety;
using LoadLab.Runner.Suites;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab plan SUITE.yaml</c>: validates and shows what a run would do, with no side effects (no target is started or touched).</summary>
internal sealed class PlanCommand(CommandConsole console) : LoadLabCommand<PlanSettings>(console)
{
    protected override Task<int> RunAsync(PlanSettings settings, CancellationToken stop)
    {
        var plan = SuiteLoader.Load(settings.SuitePath, settings.LoadOptions);
        PlanView.Write(Console, plan);
        // Shown for prod as for any environment: on prod nothing is seeded, so seeding is left out there.
        CostView.Write(Console, CostEstimator.Estimate(plan, includeSeeding: plan.Environment != ProdGuard.Environment));
        VariantPlanView.Write(Console, plan);
        return Task.FromResult(ExitCodes.Ok);
    }
}
