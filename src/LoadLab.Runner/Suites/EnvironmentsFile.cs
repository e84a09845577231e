using LoadLab.Core.Plans;
namespace LoadLab.Runner.Suites;

/// <summary>
/// <c>environments.yaml</c> beside a suite: settings shared by every suite in the folder. Read with the suite
/// loader's machinery, so its errors name file, line and column too.
/// </summary>
public static class EnvironmentsFile
{
    public const string FileName = "environments.yaml";

    /// <summary>The settings in the environments.yaml next to <paramref name="suitePath"/>; empty when there is none.</summary>
    /// <exception cref="SuiteLoadException">The file exists but cannot be read or is invalid.</exception>
    public static IReadOnlyDictionary<string, EnvironmentPlan> ForSuite(string suitePath)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(suitePath)) ?? ".";
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            return new Dictionary<string, EnvironmentPlan>();
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SuiteLoadException(path, [new SuiteError(path, 0, 0, $"cannot be read: {ex.Message}")]);
        }

        return Parse(text, path);
    }

    /// <exception cref="SuiteLoadException">The text is not valid YAML or breaks the environments format.</exception>
    public static IReadOnlyDictionary<string, EnvironmentPlan> Parse(string text, string fileName)
    {
        var diagnostics = new SuiteDiagnostics(fileName);
        var root = YamlTreeReader.Read(text, diagnostics);
        IReadOnlyDictionary<string, EnvironmentPlan> result = new Dictionary<string, EnvironmentPlan>();
        if (root is not null && !diagnostics.HasErrors)
        {
            // The file may also wrap everything in environments:, the form a suite uses.
            var node = root is MappingNode m && m.Entries.Count == 1 && m.Entries[0].Key is ScalarNode { Value: "environments" } ? m.Entries[0].Value : root;
            result = EnvironmentsBinder.Bind(node, "environments", diagnostics);
        }

        if (diagnostics.HasErrors)
            throw new SuiteLoadException(fileName, diagnostics.Sorted());
        return result;
    }
}
