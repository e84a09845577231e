namespace LoadLab.Cli.CommandLine;

/// <summary>Exit codes, stated once (README "Commands"); the application reports verdicts and domain exceptions, mapped here.</summary>
public static class ExitCodes
{
    /// <summary>The run finished and every budget was met.</summary>
    public const int Ok = 0;

    /// <summary>A budget failed.</summary>
    public const int BudgetFailed = 1;

    /// <summary>Invalid input or usage: nothing was run.</summary>
    public const int InvalidInput = 2;

    /// <summary>The run could not be carried out: target unreachable, Node.js missing, credentials.</summary>
    public const int CannotRun = 3;

    /// <summary>Interrupted by Ctrl+C or SIGTERM; partial results were written.</summary>
    public const int Interrupted = 130;

    /// <summary>The exit code of a run that ended with <paramref name="verdict"/>.</summary>
    public static int Of(LoadLab.Runner.Running.RunVerdict verdict) => verdict switch
    {
        LoadLab.Runner.Running.RunVerdict.Passed => Ok,
        LoadLab.Runner.Running.RunVerdict.BudgetFailed => BudgetFailed,
        LoadLab.Runner.Running.RunVerdict.TargetFailed => CannotRun,
        _ => Interrupted,
    };
}
