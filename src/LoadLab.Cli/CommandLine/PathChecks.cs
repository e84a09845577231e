namespace LoadLab.Cli.CommandLine;

/// <summary>
/// Inputs and outputs checked before anything runs: a run must not seed and load for minutes and then fail to
/// write its results because --out names a file or a folder it cannot write in. Nothing is created here; a
/// folder that does not exist yet is judged by the nearest folder above it that does.
/// </summary>
internal static class PathChecks
{
    /// <summary>An input file that must exist: <paramref name="what"/> names it in the message, e.g. "suite file".</summary>
    public static void InputFile(string path, string what, List<string> errors)
    {
        if (Full(path, what, errors) is not { } full) return;
        if (Directory.Exists(full))
            errors.Add($"{what} '{path}' is a folder, not a file: name the file in it");
        else if (!File.Exists(full))
            errors.Add($"{what} not found: '{path}' does not exist (no such file at {full})");
    }

    /// <summary>A folder that will be created if missing and written into.</summary>
    public static void OutputFolder(string path, string option, List<string> errors)
    {
        if (Full(path, option, errors) is not { } full) return;
        if (File.Exists(full))
        {
            errors.Add($"{option} '{path}' is an existing file; name a folder (it is created if missing)");
            return;
        }

        string? existing = full;
        while (existing is not null && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                errors.Add($"{option} '{path}' cannot be created: {existing} is a file");
                return;
            }

            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
            errors.Add($"{option} '{path}' cannot be created: no folder above it exists");
        else if (CannotWrite(existing) is { } reason)
            errors.Add($"{option} '{path}' cannot be written: {reason}");
    }

    private static string? Full(string path, string what, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.Add($"{what} is empty: give a path");
            return null;
        }

        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            errors.Add($"{what} '{path}' is not a usable path: {e.Message}");
            return null;
        }
    }

    // Permissions alone do not tell (root, ACLs, read-only mounts): a file that deletes itself on close does.
    private static string? CannotWrite(string folder)
    {
        try
        {
            using var probe = new FileStream(
                Path.Combine(folder, $".loadlab-write-check-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot create files in {folder}" + (e is UnauthorizedAccessException ? " (permission denied)" : "");
        }
    }
}
