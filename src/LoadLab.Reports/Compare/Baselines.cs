using LoadLab.Core.Errors;

namespace LoadLab.Reports.Compare;

/// <summary>Named baselines: results files kept as <c>reports/baselines/NAME.json</c> for later runs to be compared against.</summary>
internal static class Baselines
{
    public static readonly string DefaultDirectory = Path.Combine("reports", "baselines");

    /// <summary>The file of baseline <paramref name="name"/>; the name must be a plain file name so it cannot point elsewhere.</summary>
    public static string PathOf(string name, string directory)
    {
        bool plain = name.Length > 0 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
        if (!plain)
            throw new InvalidInputException($"loadlab compare: baseline name '{name}' may contain only letters, digits, '.', '_' and '-' (not first), e.g. main or release-1.4");
        return Path.Combine(directory, name + ".json");
    }

    /// <summary>Checks that <paramref name="resultsPath"/> is a usable results file, then copies it to the baseline's place.</summary>
    public static string Save(string name, string resultsPath, string directory)
    {
        string target = PathOf(name, directory);
        ResultsFiles.Read(resultsPath, "compare");
        try
        {
            Directory.CreateDirectory(directory);
            File.Copy(resultsPath, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"loadlab compare: cannot save baseline '{name}' to {target}: {e.Message}");
        }
        return target;
    }

    /// <summary>The baseline's path when it exists; otherwise a message that says how to create it.</summary>
    public static string Existing(string name, string directory)
    {
        string path = PathOf(name, directory);
        if (!File.Exists(path))
        {
            throw new InvalidInputException($"loadlab compare: no baseline '{name}' (looked for {Path.GetFullPath(path)}). Save one with: loadlab compare --save-baseline {name} RESULTS.json");
        }
        return path;
    }
}
