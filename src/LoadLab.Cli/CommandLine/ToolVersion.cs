using System.Reflection;

namespace LoadLab.Cli.CommandLine;

/// <summary>
/// What <c>loadlab --version</c> prints: the version (Directory.Build.props) and the git commit the SDK records as
/// SourceRevisionId in the informational version ("0.1.0+5140c74d…"), shortened to "0.1.0 (commit 5140c74d8373)".
/// </summary>
internal static class ToolVersion
{
    public static string Text { get; } = Describe(
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
        typeof(ToolVersion).Assembly.GetName().Version);

    internal static string Describe(string? informational, Version? fallback)
    {
        if (string.IsNullOrWhiteSpace(informational))
            return fallback?.ToString(3) ?? "0.0.0";
        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0)
            return informational; // built outside git (a source archive): no commit to name
        string commit = informational[(plus + 1)..];
        return $"{informational[..plus]} (commit {(commit.Length > 12 ? commit[..12] : commit)})";
    }
}
