using LoadLab.Runner.Suites;
using LoadLab.Core.Plans;

namespace LoadLab.UnitTests.Runner.Suites;

/// <summary>Shortcuts for parsing suite text in tests; errors name the file "suite.yaml".</summary>
internal static class SuiteParsing
{
    public const string FileName = "suite.yaml";

    public static SuiteLoadOptions Options { get; } = new() { RunId = "test-run" };

    public static RunPlan Parse(string yaml, SuiteLoadOptions? options = null) =>
        SuiteLoader.Parse(yaml, FileName, options ?? Options);

    public static IReadOnlyList<SuiteError> Errors(string yaml) =>
        Assert.Throws<SuiteLoadException>(() => Parse(yaml)).Errors;

    public static SuiteError SingleError(string yaml) => Assert.Single(Errors(yaml));

    /// <summary>Asserts position and message fragments of one error.</summary>
    public static void AssertError(SuiteError error, int line, int column, params string[] fragments)
    {
        Assert.Equal(FileName, error.File);
        Assert.True(line == error.Line && column == error.Column, $"expected {line}:{column}, got {error}");
        foreach (var fragment in fragments)
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    /// <summary>The repository root, found from the test assembly's folder, for files under scenarios/.</summary>
    public static string RepositoryPath(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LoadLab.sln")))
                return Path.Combine([dir.FullName, .. parts]);
        }
        throw new InvalidOperationException("LoadLab.sln not found above " + AppContext.BaseDirectory);
    }
}
