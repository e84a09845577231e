using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Running;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Runner.Running;

public class VariantRunnerTests
{
    private static VariantOutcome With(RunVerdict verdict) => new(null, new RunOutcome(SyntheticRuns.Run, "r.json", [], verdict));

    [Fact]
    public void The_verdict_is_the_worst_of_the_variants()
    {
        Assert.Equal(RunVerdict.Passed, VariantRunner.WorstVerdict([With(RunVerdict.Passed), With(RunVerdict.Passed)], interrupted: false));
        Assert.Equal(RunVerdict.BudgetFailed, VariantRunner.WorstVerdict([With(RunVerdict.Passed), With(RunVerdict.BudgetFailed)], interrupted: false));
        Assert.Equal(RunVerdict.Interrupted, VariantRunner.WorstVerdict([With(RunVerdict.BudgetFailed), With(RunVerdict.Interrupted)], interrupted: false));
        // Stopped before a variant's load began: no outcome of its own, still an interrupted run.
        Assert.Equal(RunVerdict.Interrupted, VariantRunner.WorstVerdict([With(RunVerdict.Passed)], interrupted: true));
        // A dead target fails the run whatever else happened.
        Assert.Equal(RunVerdict.TargetFailed, VariantRunner.WorstVerdict([With(RunVerdict.TargetFailed), With(RunVerdict.Interrupted)], interrupted: true));
    }

    [Fact]
    public void Each_verdict_maps_to_its_exit_code()
    {
        Assert.Equal(ExitCodes.Ok, ExitCodes.Of(RunVerdict.Passed));
        Assert.Equal(ExitCodes.BudgetFailed, ExitCodes.Of(RunVerdict.BudgetFailed));
        Assert.Equal(ExitCodes.Interrupted, ExitCodes.Of(RunVerdict.Interrupted));
        Assert.Equal(ExitCodes.CannotRun, ExitCodes.Of(RunVerdict.TargetFailed));
    }
}
