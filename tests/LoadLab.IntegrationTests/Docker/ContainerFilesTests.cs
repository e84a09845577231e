using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;
using YamlDotNet.RepresentationModel;

namespace LoadLab.IntegrationTests.Docker;

/// <summary>
/// No Docker engine runs on these machines, so the container files are checked statically: they
/// parse, and every loadlab command and option they use exists in the CLI.
/// </summary>
public class ContainerFilesTests
{
    private static YamlMappingNode Load(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, relative));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<string> Sequence(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!);

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => ((YamlMappingNode)n).Children[new YamlScalarNode(key)]);

    /// <summary>Checks a loadlab argument list against the CLI's own command specs.</summary>
    private static void AssertKnownToCli(IReadOnlyList<string> args)
    {
        var spec = LoadLabApp.Commands.SingleOrDefault(c => c.Name == args[0]);
        Assert.True(spec is not null, $"unknown command '{args[0]}'");
        foreach (var option in args.Where(a => a.StartsWith("--", StringComparison.Ordinal)))
            Assert.True(spec!.Options.Any(o => "--" + o.Name == option), $"loadlab {args[0]} has no option {option}");
    }

    [Fact]
    public void Compose_runs_loadlab_against_dynamodb_local_and_the_xray_daemon_with_real_options()
    {
        var services = (YamlMappingNode)At(Load("docker/compose.yaml"), "services");
        Assert.Contains(new YamlScalarNode("dynamodb-local"), services.Children.Keys);
        Assert.Contains(new YamlScalarNode("xray-daemon"), services.Children.Keys);
        var command = Sequence(At(services, "loadlab", "command")).ToArray();
        AssertKnownToCli(command);
        Assert.Contains("http://dynamodb-local:8000", command);
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "scenarios", Path.GetFileName(command[1]))));
    }

    [Fact]
    public void Kubernetes_indexed_job_shards_with_the_completion_index_and_the_merge_job_merges()
    {
        var job = Load("docker/k8s/loadlab-job.yaml");
        Assert.Equal("Indexed", ((YamlScalarNode)At(job, "spec", "completionMode")).Value);
        var container = ((YamlSequenceNode)At(job, "spec", "template", "spec", "containers")).Children[0];
        var args = Sequence(At(container, "args")).ToArray();
        AssertKnownToCli(args);
        Assert.Contains("$(JOB_COMPLETION_INDEX)/$(SHARDS)", args);
        string completions = ((YamlScalarNode)At(job, "spec", "completions")).Value!;
        var env = ((YamlSequenceNode)At(container, "env")).Children.Cast<YamlMappingNode>()
            .ToDictionary(e => ((YamlScalarNode)At(e, "name")).Value!, e => ((YamlScalarNode)At(e, "value")).Value!);
        Assert.Equal(completions, env["SHARDS"]);

        var merge = Load("docker/k8s/loadlab-merge-job.yaml");
        var mergeArgs = Sequence(At(((YamlSequenceNode)At(merge, "spec", "template", "spec", "containers")).Children[0], "args")).ToArray();
        AssertKnownToCli(mergeArgs);
        Assert.Equal(int.Parse(completions, System.Globalization.CultureInfo.InvariantCulture), mergeArgs.Count(a => a.Contains("/shard-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dockerfile_builds_in_the_sdk_image_and_runs_as_a_non_root_user()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docker", "Dockerfile"));
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("USER $APP_UID", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("src/LoadLab.Cli/LoadLab.Cli.csproj", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("loadlab.dll", StringComparison.Ordinal));
    }
}
