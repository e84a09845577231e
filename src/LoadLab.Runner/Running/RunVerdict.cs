namespace LoadLab.Runner.Running;

/// <summary>How a run ended, worst last; the executable maps it to an exit code.</summary>
public enum RunVerdict
{
    /// <summary>The run finished and every budget was met.</summary>
    Passed,

    /// <summary>The run finished and a budget failed.</summary>
    BudgetFailed,

    /// <summary>Ctrl+C or SIGTERM stopped it; the results are partial.</summary>
    Interrupted,

    /// <summary>The target stopped answering during the load (failOn.unreachableFor); the run stopped and its results are partial.</summary>
    TargetFailed,
}
