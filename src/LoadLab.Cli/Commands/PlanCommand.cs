using LoadLab.Runner.Planning;
using LoadLab.Runner.Safety;
using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Runner.Suites;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab plan SUITE.yaml</c>: validates and shows what a run would do, with no side effects (no target is started or touched).</summary>
internal static class PlanCommand
{
    public static readonly CommandSpec Spec = new(
        "plan",
        "Validates a suite and shows the resolved plan: tables with their real names, data to seed, phases with the operations expected, the planned on-demand cost. Touches nothing.",
        ["SUITE.yaml"],
        [
            new("env", "NAME", "local (default), dev, staging or prod: decides the table prefix"),
            new("duration-scale", "F", "multiply every phase duration by F"),
            new("seed", "N", "seed for data and key choice"),
            new("help", null, "show this help"),
        ]);

    public static Task<int> ExecuteAsync(ParsedArguments args, IAnsiConsole console)
    {
        var options = RunArguments.From(args);
        // The same resolution as a run (prices, variants, shard slice), without the guards or the target: plan touches nothing.
        var resolved = RunResolver.Resolve(options, TimeProvider.System.GetUtcNow(), System.Environment.GetEnvironmentVariable);
        var plan = resolved.Suite;
        PlanView.Write(console, plan);
        // Shown for prod as for any environment: on prod nothing is seeded, so seeding is left out there.
        CostView.Write(console, resolved.PlannedCost);
        VariantPlanView.Write(console, plan);
        return Task.FromResult(ExitCodes.Ok);
    }
}
