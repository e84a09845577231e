namespace LoadLab.Runner.Suites;

/// <summary>
/// Where a scenario and its mix entries stand in a suite file that has already loaded, for refusals found after
/// binding (plans keep no positions: they are built to run, not to explain). The file is read again with the same
/// YAML reader; the plan lists scenarios and mix entries in file order, so a name and an index find the node.
/// Anything not found (the file changed since, an anchor) is 0:0: the error is still given, with no position.
/// </summary>
internal sealed class SuitePositions
{
    private readonly Dictionary<string, MappingNode> scenarios = new(StringComparer.Ordinal);

    private SuitePositions(string file) => File = file;

    /// <summary>The suite file as named to the loader, as errors name it.</summary>
    public string File { get; }

    /// <summary>Reads the positions of <paramref name="path"/>; a file that cannot be read again gives no positions.</summary>
    public static SuitePositions Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var positions = new SuitePositions(path);
        string text;
        try
        {
            text = System.IO.File.ReadAllText(Path.GetFullPath(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return positions;
        }

        var root = YamlTreeReader.Read(text, new SuiteDiagnostics(path)) as MappingNode;
        if (Value(root, "scenarios") is SequenceNode list)
        {
            foreach (var scenario in list.Items.OfType<MappingNode>())
            {
                if (Value(scenario, "name") is ScalarNode { IsNull: false } name)
                    positions.scenarios.TryAdd(name.Value, scenario);
            }
        }

        return positions;
    }

    /// <summary>An error at the scenario's <c>table:</c> (what scenario-wide problems are about), or at the scenario.</summary>
    public SuiteError AtScenario(string scenario, string message) =>
        At(scenarios.GetValueOrDefault(scenario) is { } node ? Value(node, "table") ?? node : null, message);

    /// <summary>An error at the <paramref name="index"/>-th operation of the scenario's <c>mix:</c> (its name), or at the scenario.</summary>
    public SuiteError AtOperation(string scenario, int index, string message)
    {
        if (scenarios.GetValueOrDefault(scenario) is not { } node)
            return At(null, message);
        var entry = Value(node, "mix") is MappingNode mix && index >= 0 && index < mix.Entries.Count ? mix.Entries[index].Key : null;
        return At(entry ?? node, message);
    }

    private SuiteError At(Node? node, string message) => new(File, node?.Line ?? 0, node?.Column ?? 0, message);

    private static Node? Value(MappingNode? mapping, string key) =>
        mapping?.Entries.FirstOrDefault(e => e.Key is ScalarNode scalar && scalar.Value == key)?.Value;
}
