namespace LoadLab.Cli.CommandLine;

/// <summary>Exit codes, stated once (DESIGN.md "Command line").</summary>
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
}

/// <summary>A problem the user can fix; the message says what and how. Never shown with a stack trace.</summary>
public sealed class UserFacingException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
