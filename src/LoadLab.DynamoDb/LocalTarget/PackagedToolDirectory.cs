using System.Security.Cryptography;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// The copy of <c>tools/local-dynamodb</c> that ships inside the <c>LoadLab</c> .NET tool package, beside the program in
/// <see cref="FolderName"/>/. The tool's own folder is not ours to write (a shared --tool-path, a read-only store), so the
/// files are copied to a per-user cache folder and <see cref="NpmInstaller"/> runs <c>npm ci</c> there, with the same lock
/// and the same checks as in a checkout. The cache folder is named after the files' hash: a tool update that changes the
/// lock or serve.js gets a fresh folder, and the same files reuse the finished install.
/// </summary>
public static class PackagedToolDirectory
{
    public const string FolderName = "local-dynamodb";

    /// <summary>Overrides the per-user cache root (tests, CI caches, machines whose home is read-only).</summary>
    public const string CacheEnvironmentVariable = "LOADLAB_CACHE_DIR";

    private static readonly string[] Files = ["package.json", "package-lock.json", "serve.js"];

    /// <summary>
    /// The cache folder holding the packaged files, copied there if needed; null when <paramref name="baseDirectory"/>
    /// holds no packaged copy (a build inside the repository).
    /// </summary>
    public static string? Prepare(string baseDirectory, string cacheRoot)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(cacheRoot);
        string source = Path.Combine(baseDirectory, FolderName);
        if (!Files.All(f => File.Exists(Path.Combine(source, f))))
            return null;

        var contents = Files.ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(source, f)), StringComparer.Ordinal);
        string hash = Convert.ToHexStringLower(SHA256.HashData(contents.Values.SelectMany(b => b).ToArray()))[..16];
        string target = Path.Combine(Path.GetFullPath(cacheRoot), FolderName, hash);
        Directory.CreateDirectory(target);
        foreach (var (name, bytes) in contents)
            WriteIfDifferent(Path.Combine(target, name), bytes);
        return target;
    }

    /// <summary>
    /// <see cref="CacheEnvironmentVariable"/>, else the platform's per-user cache: %LOCALAPPDATA%\LoadLab\Cache on Windows,
    /// $XDG_CACHE_HOME/loadlab or ~/.cache/loadlab elsewhere.
    /// </summary>
    public static string CacheRoot(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(CacheEnvironmentVariable) is { Length: > 0 } explicitRoot)
            return explicitRoot;
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "LoadLab", "Cache");
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "loadlab");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "loadlab");
    }

    /// <summary>Writes through a temporary file and a rename, so a parallel LoadLab never reads a half-written file.</summary>
    private static void WriteIfDifferent(string path, byte[] bytes)
    {
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            return;
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
