using System.ComponentModel;
using System.Globalization;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// The Node.js that runs dynalite. The program is injectable so tests (and users with Node.js off
/// PATH) can point it elsewhere.
/// </summary>
public sealed class NodeRuntime
{
    public const string DefaultExecutable = "node";

    /// <summary>dynalite 4 declares <c>"engines": { "node": ">=20" }</c>.</summary>
    public const int MinimumMajorVersion = 20;

    private const string InstallHint =
        "Install Node.js 20+ (https://nodejs.org or your package manager), or pass --endpoint URL to use an existing DynamoDB endpoint.";

    public NodeRuntime(string executable = DefaultExecutable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        Executable = executable;
    }

    /// <summary>A program name looked up on PATH, or a path.</summary>
    public string Executable { get; }

    /// <summary>Runs <c>node --version</c> and returns the version when it is new enough.</summary>
    /// <exception cref="LocalTargetException">Node.js is missing, too old, or its version unreadable.</exception>
    public async Task<Version> EnsureSupportedAsync(CancellationToken cancellationToken = default)
    {
        ChildProcess.Result result;
        try
        {
            result = await ChildProcess.RunAsync(Executable, ["--version"], workingDirectory: null, cancellationToken);
        }
        catch (Win32Exception ex)
        {
            string found = ChildProcess.IsNotFound(ex) ? NotFoundText() : $"{Executable} could not be started: {ex.Message}";
            throw new LocalTargetException(Needed(found), ex);
        }

        string reported = result.StandardOutput.Trim();
        var version = result.ExitCode == 0 ? ParseVersion(reported) : null;
        if (version is null)
            throw new LocalTargetException(Needed($"'{Executable} --version' printed \"{Shorten(reported)}\", which is not a Node.js version"));
        if (version.Major < MinimumMajorVersion)
            throw new LocalTargetException(Needed($"found {reported}"));
        return version;
    }

    /// <summary>Parses Node's "v20.11.1" (also "v21.0.0-pre"); <see langword="null"/> when it is not a version.</summary>
    public static Version? ParseVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string s = text.Trim();
        if (s.StartsWith('v') || s.StartsWith('V'))
            s = s[1..];
        int suffix = s.IndexOfAny(['-', '+']);
        if (suffix >= 0)
            s = s[..suffix];
        return Version.TryParse(s, out var version) && s.Contains('.', StringComparison.Ordinal) ? version : null;
    }

    private string NotFoundText() =>
        Executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || Executable.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal)
            ? $"not found at {Executable}"
            : "not found on PATH";

    private static string Needed(string found) =>
        string.Create(CultureInfo.InvariantCulture, $"Node.js {MinimumMajorVersion} or newer is needed to run the local DynamoDB ({found}). {InstallHint}");

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
