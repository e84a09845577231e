using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.IntegrationTests.Reports;

/// <summary>Headless Chromium (Debian's <c>chromium</c> package) for loading report.html as a reader would.</summary>
internal static class Chromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    /// <summary>The browser to use, or null when none is installed.</summary>
    public static string? Path { get; } = Candidates.FirstOrDefault(File.Exists);

    public const string NotInstalled =
        "Chromium is not installed, so report.html is not checked in a browser. Install it with 'apt-get install -y chromium' (.ci/run does).";

    /// <summary>Runs Chromium headless with a throwaway profile; no network services, no first-run work.</summary>
    public static async Task<ChildProcess.Result> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        string profile = Directory.CreateTempSubdirectory("loadlab-chromium-").FullName;
        try
        {
            string[] common =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
            ];
            return await ChildProcess.RunAsync(Path ?? throw new InvalidOperationException(NotInstalled), [.. common, .. arguments], null, cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium's helpers may still hold a file for a moment; a leftover temp profile is harmless.
            }
        }
    }
}

/// <summary>A fact that is skipped, with the reason, when Chromium is not installed (xunit 2 has no runtime skip).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
            Skip = Chromium.NotInstalled;
    }
}
