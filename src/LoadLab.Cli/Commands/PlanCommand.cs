using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Cli.Settings;
using LoadLab.Runner.Planning;
using LoadLab.Runner.Simulation;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab plan SUITE.yaml</c>: validates and shows what a run would do, with no side effects (no target is started or touched).</summary>
internal sealed class PlanCommand(CommandConsole console) : LoadLabCommand<PlanSettings>(console)
{
    protected override Task<int> RunAsync(PlanSettings settings, CancellationToken stop)
    {
        // The same resolution as a run (prices, variants), without the guards or the target: plan touches nothing.
        var resolved = RunResolver.Resolve(settings.Options, TimeProvider.System.GetUtcNow(), System.Environment.GetEnvironmentVariable);
        var plan = resolved.Suite;
        PlanView.Write(Console, plan);
        // Shown for prod as for any environment: on prod nothing is seeded, so seeding is left out there.
        CostView.Write(Console, resolved.PlannedCost, resolved.Prices);
        VariantPlanView.Write(Console, plan);
        if (SimulationAdvice.For(resolved, settings.SuitePath) is { } advice)
            Console.MarkupLine($"[grey]{Markup.Escape(advice)}[/]");
        return Task.FromResult(ExitCodes.Ok);
    }
}
