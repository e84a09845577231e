using System.Text.Json;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// npm writes node_modules/.package-lock.json (its "hidden lockfile") at the end of an install. When it names the
/// same packages at the same versions as package-lock.json, node_modules is a finished install of that lock.
/// </summary>
internal static class NpmInstalledLock
{
    public static bool Matches(string toolDirectory)
    {
        string hidden = Path.Combine(toolDirectory, "node_modules", ".package-lock.json");
        if (!File.Exists(hidden))
            return false;
        try
        {
            var locked = Versions(Path.Combine(toolDirectory, "package-lock.json"));
            var installed = Versions(hidden);
            return locked.Count > 0 && locked.Count == installed.Count
                && locked.All(p => installed.TryGetValue(p.Key, out var version) && version == p.Value);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException)
        {
            // Unreadable or of another shape: not trusted, so the installer runs npm ci as before.
            return false;
        }
    }

    /// <summary>Package path → version from a lockfile's "packages", without the root entry "".</summary>
    private static Dictionary<string, string?> Versions(string lockFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(lockFile));
        var versions = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!document.RootElement.TryGetProperty("packages", out var packages) || packages.ValueKind != JsonValueKind.Object)
            return versions;
        foreach (var package in packages.EnumerateObject())
        {
            if (package.Name.Length == 0)
                continue;
            versions[package.Name] = package.Value.TryGetProperty("version", out var v) ? v.GetString() : null;
        }

        return versions;
    }
}
