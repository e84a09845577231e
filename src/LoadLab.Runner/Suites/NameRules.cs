namespace LoadLab.Runner.Suites;

/// <summary>Names that end up in table names, file names and report ids: letters, digits, '.', '_' and '-'.</summary>
internal static class NameRules
{
    public const string Allowed = "letters, digits, '.', '_' and '-'";

    public static bool IsSimple(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>Reads a required simple name, reporting text that is missing or has other characters.</summary>
    public static string? Read(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var name = ScalarReader.Text(node, what, diagnostics);
        if (name is null)
            return null;
        if (!IsSimple(name))
        {
            diagnostics.Add(node, $"{what}: '{name}' may contain only {Allowed}");
            return null;
        }
        return name;
    }
}
