using System.Reflection;
using LoadLab.Cli.CommandLine;

namespace LoadLab.Cli.Init;

/// <summary>One file <c>loadlab init</c> writes: its path below the target folder and its text.</summary>
internal sealed record ScaffoldFile(string RelativePath, string Text);

/// <summary>
/// What <c>loadlab init</c> writes: a suite with budgets, the environments file beside it and a GitHub Actions workflow.
/// The texts are embedded resources (Init/Templates) so they read as the files they become.
/// </summary>
internal static class Scaffold
{
    public static readonly string SuitePath = Path.Combine("loadlab", "suite.yaml");
    public static readonly string EnvironmentsPath = Path.Combine("loadlab", "environments.yaml");
    public static readonly string WorkflowPath = Path.Combine(".github", "workflows", "loadlab.yml");

    /// <summary>The files, the workflow pinned to the version of the tool that wrote it (so CI runs what was tried).</summary>
    public static IReadOnlyList<ScaffoldFile> Files(string version) =>
    [
        new(SuitePath, Template("suite.yaml")),
        new(EnvironmentsPath, Template("environments.yaml")),
        new(WorkflowPath, Template("loadlab.yml").Replace("{{VERSION}}", version, StringComparison.Ordinal)),
    ];

    /// <summary>The package version alone ("0.1.0"), without the commit that --version adds.</summary>
    public static string PackageVersion
    {
        get
        {
            string? informational = typeof(Scaffold).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            return informational is null ? ToolVersion.Text : informational.Split('+')[0];
        }
    }

    private static string Template(string name)
    {
        using var stream = typeof(Scaffold).Assembly.GetManifestResourceStream("LoadLab.Cli.Init.Templates." + name)
            ?? throw new InvalidOperationException($"The init template {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
