using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.IntegrationTests.LocalTarget;

public sealed class ToolDirectoryLocatorTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("loadlab-locate-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Finds_the_repository_copy_from_the_test_binary()
    {
        string dir = ToolDirectoryLocator.Locate();

        Assert.True(File.Exists(Path.Combine(dir, "package-lock.json")));
        Assert.True(File.Exists(Path.Combine(dir, "serve.js")));
    }

    [Fact]
    public void Explicit_folder_wins_over_the_environment_variable()
    {
        string a = ToolFolder("a");
        string b = ToolFolder("b");

        Assert.Equal(a, ToolDirectoryLocator.Locate(a, b, scratch, scratch));
        Assert.Equal(b, ToolDirectoryLocator.Locate(null, b, scratch, scratch));
    }

    [Fact]
    public void Walks_up_from_the_current_directory()
    {
        string tool = ToolFolder(Path.Combine("repo", "tools", "local-dynamodb"));
        string deep = Directory.CreateDirectory(Path.Combine(scratch, "repo", "src", "x", "bin")).FullName;

        Assert.Equal(tool, ToolDirectoryLocator.Locate(null, null, deep, scratch));
    }

    [Fact]
    public void Explicit_folder_without_package_json_is_an_error_not_a_fallback()
    {
        var ex = Assert.Throws<LocalTargetException>(() => ToolDirectoryLocator.Locate(scratch, null, scratch, scratch));

        Assert.Contains("has no package.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_found_says_where_it_looked()
    {
        string elsewhere = Directory.CreateDirectory(Path.Combine(scratch, "elsewhere")).FullName;

        var ex = Assert.Throws<LocalTargetException>(() => ToolDirectoryLocator.Locate(null, null, scratch, elsewhere));

        Assert.Contains(scratch, ex.Message, StringComparison.Ordinal);
        Assert.Contains(elsewhere, ex.Message, StringComparison.Ordinal);
        Assert.Contains(ToolDirectoryLocator.EnvironmentVariable, ex.Message, StringComparison.Ordinal);
    }

    private string ToolFolder(string relative)
    {
        string dir = Directory.CreateDirectory(Path.Combine(scratch, relative)).FullName;
        File.WriteAllText(Path.Combine(dir, "package.json"), "{}");
        return dir;
    }
}
