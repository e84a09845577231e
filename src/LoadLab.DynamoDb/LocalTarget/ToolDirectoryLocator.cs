namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// Finds <c>tools/local-dynamodb</c>: an explicit folder, then <see cref="EnvironmentVariable"/>,
/// then walking up from the current directory, then up from the program's own folder (so an
/// installed or test binary deep under bin/ still finds the repository's copy), then the copy that
/// ships inside the .NET tool package (<see cref="PackagedToolDirectory"/>), for a run with no checkout.
/// </summary>
public static class ToolDirectoryLocator
{
    public const string EnvironmentVariable = "LOADLAB_LOCAL_DYNAMODB_DIR";

    /// <summary>The folder's path below a repository root.</summary>
    public static readonly string RelativePath = Path.Combine("tools", "local-dynamodb");

    private const string Marker = "package.json";

    /// <summary>Returns the full path of the folder.</summary>
    /// <exception cref="LocalTargetException">It was not found; the message lists where LoadLab looked.</exception>
    public static string Locate(string? explicitDirectory = null) =>
        Locate(
            explicitDirectory,
            Environment.GetEnvironmentVariable(EnvironmentVariable),
            Directory.GetCurrentDirectory(),
            AppContext.BaseDirectory);

    internal static string Locate(string? explicitDirectory, string? environmentValue, string currentDirectory, string baseDirectory, string? cacheRoot = null)
    {
        // A folder the user named must be right; silently falling back would hide their typo.
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
            return RequireMarker(explicitDirectory, "the folder given in the options");
        if (!string.IsNullOrWhiteSpace(environmentValue))
            return RequireMarker(environmentValue, $"{EnvironmentVariable}");

        var looked = new List<string>();
        foreach (string start in new[] { currentDirectory, baseDirectory }.Distinct(StringComparer.Ordinal))
        {
            if (FindUpwards(start) is { } found)
                return found;
            looked.Add(Path.TrimEndingDirectorySeparator(Path.GetFullPath(start)));
        }
        // Last: the installed tool's own copy. A checkout's folder wins, so a developer's edits to serve.js are used.
        if (PackagedToolDirectory.Prepare(baseDirectory, cacheRoot ?? PackagedToolDirectory.CacheRoot(Environment.GetEnvironmentVariable)) is { } packaged)
            return packaged;
        throw new LocalTargetException(
            $"Could not find the local DynamoDB tool folder ({RelativePath.Replace('\\', '/')} with {Marker}) in or above {string.Join(" or ", looked)}, nor a packaged copy in {PackagedToolDirectory.FolderName}/ beside the program. " +
            $"Run LoadLab from inside the LoadLab repository, set {EnvironmentVariable} to that folder, or pass --endpoint URL to use an existing DynamoDB endpoint.");
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(Path.Combine(candidate, Marker)))
                return candidate;
        }
        return null;
    }

    private static string RequireMarker(string directory, string source)
    {
        string full = Path.GetFullPath(directory);
        if (File.Exists(Path.Combine(full, Marker)))
            return full;
        throw new LocalTargetException(
            $"The local DynamoDB tool folder {full} (from {source}) has no {Marker}. " +
            $"Point it at the repository's {RelativePath.Replace('\\', '/')} folder, or leave it unset to find that folder automatically.");
    }
}
