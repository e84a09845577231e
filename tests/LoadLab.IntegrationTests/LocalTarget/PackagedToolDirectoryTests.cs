using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.IntegrationTests.LocalTarget;

/// <summary>The local DynamoDB that ships inside the .NET tool: found when there is no checkout, run from a per-user cache.</summary>
public sealed class PackagedToolDirectoryTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("loadlab-packaged-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Without_a_checkout_the_packaged_copy_is_copied_to_the_cache_and_used()
    {
        string program = PackagedProgramFolder("lock-v1");
        string cache = Path.Combine(scratch, "cache");
        string elsewhere = Directory.CreateDirectory(Path.Combine(scratch, "work")).FullName;

        string found = ToolDirectoryLocator.Locate(null, null, elsewhere, program, cache);

        Assert.StartsWith(Path.Combine(cache, PackagedToolDirectory.FolderName) + Path.DirectorySeparatorChar, found, StringComparison.Ordinal);
        foreach (string name in new[] { "package.json", "package-lock.json", "serve.js" })
            Assert.Equal(File.ReadAllText(Path.Combine(program, "local-dynamodb", name)), File.ReadAllText(Path.Combine(found, name)));
        // The same files reuse the same folder (and so the finished npm ci); nothing is left half-written.
        Assert.Equal(found, ToolDirectoryLocator.Locate(null, null, elsewhere, program, cache));
        Assert.Empty(Directory.GetFiles(found, "*.tmp"));
    }

    [Fact]
    public void Another_lock_gets_its_own_cache_folder()
    {
        string cache = Path.Combine(scratch, "cache");

        string first = PackagedToolDirectory.Prepare(PackagedProgramFolder("lock-v1"), cache)!;
        string second = PackagedToolDirectory.Prepare(PackagedProgramFolder("lock-v2"), cache)!;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void A_checkout_wins_over_the_packaged_copy()
    {
        string program = PackagedProgramFolder("lock-v1");
        string checkout = Directory.CreateDirectory(Path.Combine(scratch, "repo", "tools", "local-dynamodb")).FullName;
        File.WriteAllText(Path.Combine(checkout, "package.json"), "{}");
        string inside = Directory.CreateDirectory(Path.Combine(scratch, "repo", "suites")).FullName;

        Assert.Equal(checkout, ToolDirectoryLocator.Locate(null, null, inside, program, Path.Combine(scratch, "cache")));
    }

    [Fact]
    public void A_program_folder_without_the_packaged_copy_gives_nothing()
    {
        Assert.Null(PackagedToolDirectory.Prepare(Directory.CreateDirectory(Path.Combine(scratch, "bin")).FullName, Path.Combine(scratch, "cache")));
    }

    [Fact]
    public void The_cache_root_can_be_set_and_defaults_to_a_per_user_folder()
    {
        Assert.Equal("/ci/cache", PackagedToolDirectory.CacheRoot(name => name == PackagedToolDirectory.CacheEnvironmentVariable ? "/ci/cache" : null));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(Path.Combine("/xdg", "loadlab"), PackagedToolDirectory.CacheRoot(name => name == "XDG_CACHE_HOME" ? "/xdg" : null));
            Assert.EndsWith(Path.Combine(".cache", "loadlab"), PackagedToolDirectory.CacheRoot(_ => null), StringComparison.Ordinal);
        }
    }

    /// <summary>A program folder as the installed tool has it: local-dynamodb/ beside the executable.</summary>
    private string PackagedProgramFolder(string lockText)
    {
        string program = Directory.CreateDirectory(Path.Combine(scratch, "tool-" + lockText)).FullName;
        string packaged = Directory.CreateDirectory(Path.Combine(program, "local-dynamodb")).FullName;
        File.WriteAllText(Path.Combine(packaged, "package.json"), "{\"name\":\"x\"}");
        File.WriteAllText(Path.Combine(packaged, "package-lock.json"), "{\"lock\":\"" + lockText + "\"}");
        File.WriteAllText(Path.Combine(packaged, "serve.js"), "// serve");
        return program;
    }
}
