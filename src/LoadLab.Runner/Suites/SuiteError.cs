namespace LoadLab.Runner.Suites;

/// <summary>
/// One problem in a suite file. Line and column are 1-based, in the compiler format editors and CI
/// logs turn into links; 0:0 means the problem is with the file as a whole (for example, not found), and then no
/// position is printed: there is none to jump to.
/// </summary>
public sealed record SuiteError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line == 0 ? $"{File}: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}
