namespace LoadLab.IntegrationTests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(string name) => Path.Combine(Root, "scenarios", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LoadLab.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("LoadLab.sln not found above " + AppContext.BaseDirectory);
    }
}
