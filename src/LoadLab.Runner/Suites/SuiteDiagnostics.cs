namespace LoadLab.Runner.Suites;

/// <summary>Collects every error of one load so the user sees all of them at once.</summary>
internal sealed class SuiteDiagnostics(string file)
{
    private readonly List<SuiteError> errors = [];

    public string File { get; } = file;

    public int Count => errors.Count;

    public bool HasErrors => errors.Count > 0;

    public void Add(Node at, string message) => Add(at.Line, at.Column, message);

    public void Add(int line, int column, string message) => errors.Add(new SuiteError(File, line, column, message));

    /// <summary>Errors in file order; binders and the validator find them in different orders.</summary>
    public IReadOnlyList<SuiteError> Sorted() =>
        [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
