using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Running;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Cli.Running;

public class VariantRunnerTests
{
    private static VariantOutcome With(int exit) => new(null, new RunOutcome(SyntheticRuns.Run, "r.json", [], exit));

    [Fact]
    public void The_exit_code_is_the_worst_of_the_variants()
    {
        Assert.Equal(ExitCodes.Ok, VariantRunner.WorstExitCode([With(ExitCodes.Ok), With(ExitCodes.Ok)], interrupted: false));
        Assert.Equal(ExitCodes.BudgetFailed, VariantRunner.WorstExitCode([With(ExitCodes.Ok), With(ExitCodes.BudgetFailed)], interrupted: false));
        Assert.Equal(ExitCodes.Interrupted, VariantRunner.WorstExitCode([With(ExitCodes.BudgetFailed), With(ExitCodes.Interrupted)], interrupted: false));
        // Stopped before a variant's load began: no outcome of its own, still an interrupted run.
        Assert.Equal(ExitCodes.Interrupted, VariantRunner.WorstExitCode([With(ExitCodes.Ok)], interrupted: true));
    }
}
