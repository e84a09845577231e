using System.IO.Compression;
using LoadLab.IntegrationTests.Support;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// The .NET tool as a user gets it: `dotnet pack src/LoadLab.Cli` → `dotnet tool install --tool-path` → `loadlab` from a
/// folder with no checkout above it. Packs the build the tests already made (--no-build), so it takes seconds, not minutes.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
    private static readonly TimeSpan Slow = TimeSpan.FromMinutes(5);
    private readonly string scratch = Directory.CreateTempSubdirectory("loadlab-tool-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Packed_tool_installs_and_runs_from_an_empty_folder()
    {
        string feed = Path.Combine(scratch, "feed");
        string tools = Path.Combine(scratch, "tools");
        string work = Directory.CreateDirectory(Path.Combine(scratch, "work")).FullName;
        // A NuGet cache of its own: the shared one would hand back an older package of the same version.
        var fresh = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(scratch, "nuget"), ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };

        var pack = await ExternalProcess.RunAsync("dotnet",
            ["pack", Path.Combine(RepositoryPaths.Root, "src", "LoadLab.Cli", "LoadLab.Cli.csproj"), "-c", Configuration, "--no-build", "-o", feed, "-nologo"],
            RepositoryPaths.Root, Slow);
        Assert.True(pack.Exit == 0, pack.Output);
        string package = Assert.Single(Directory.GetFiles(feed, "LoadLab.*.nupkg"));
        using (var zip = ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            foreach (string name in new[] { "package.json", "package-lock.json", "serve.js" })
                Assert.Contains($"tools/net10.0/any/local-dynamodb/{name}", entries);
            // The lock ships exactly: npm ci in the cache installs what the repository pins.
            using var reader = new StreamReader(zip.GetEntry("tools/net10.0/any/local-dynamodb/package-lock.json")!.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tools", "local-dynamodb", "package-lock.json")), await reader.ReadToEndAsync());
        }

        var install = await ExternalProcess.RunAsync("dotnet",
            ["tool", "install", "--tool-path", tools, "--add-source", feed, "LoadLab"], work, Slow, fresh);
        Assert.True(install.Exit == 0, install.Output);
        string loadlab = Path.Combine(tools, OperatingSystem.IsWindows() ? "loadlab.exe" : "loadlab");

        var version = await ExternalProcess.RunAsync(loadlab, ["--version"], work, Slow);
        Assert.True(version.Exit == 0, version.Output);
        Assert.Matches(@"^\d+\.\d+\.\d+ \(commit [0-9a-f]{12}\)", version.Output.Trim());

        File.Copy(RepositoryPaths.Scenario("quickstart.yaml"), Path.Combine(work, "quickstart.yaml"));
        var plan = await ExternalProcess.RunAsync(loadlab, ["plan", "quickstart.yaml"], work, Slow);
        Assert.True(plan.Exit == 0, plan.Output);
        Assert.Contains("local_Quickstart", plan.Output, StringComparison.Ordinal);
    }
}
