using LoadLab.Core.Text;
namespace LoadLab.Runner.Suites;

/// <summary>
/// Reads one mapping: reports keys that are not plain names, duplicates and (with an allowed list)
/// unknown keys with a suggestion, then hands out values by key.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, MappingEntry> byKey = new(StringComparer.Ordinal);
    private readonly List<(ScalarNode Key, Node Value)> entries = [];
    private readonly SuiteDiagnostics diagnostics;

    private MappingReader(MappingNode node, string context, SuiteDiagnostics diagnostics)
    {
        Node = node;
        Context = context;
        this.diagnostics = diagnostics;
    }

    public MappingNode Node { get; }

    /// <summary>Where the mapping is, for messages: "the suite", "scenario 'browse'", …</summary>
    public string Context { get; }

    /// <summary>Entries with a usable key, in file order, duplicates left out.</summary>
    public IReadOnlyList<(ScalarNode Key, Node Value)> Entries => entries;

    /// <summary>A mapping whose keys are fixed (<paramref name="allowed"/>).</summary>
    public static MappingReader Fixed(MappingNode node, string context, IReadOnlyList<string> allowed, SuiteDiagnostics diagnostics)
    {
        var reader = Open(node, context, diagnostics);
        reader.CheckAllowed(allowed);
        return reader;
    }

    /// <summary>Reports every key not in <paramref name="allowed"/>; true when there was none.</summary>
    public bool CheckAllowed(IReadOnlyList<string> allowed)
    {
        var clean = true;
        foreach (var (key, _) in entries)
        {
            if (!allowed.Contains(key.Value))
            {
                diagnostics.Add(key, $"unknown key '{key.Value}' in {Context}; allowed: {string.Join(", ", allowed)}."
                    + NameSuggestions.DidYouMean(key.Value, allowed));
                clean = false;
            }
        }
        return clean;
    }

    /// <summary>A mapping whose keys are names the user chooses (table ids, attribute names, operations).</summary>
    public static MappingReader Open(MappingNode node, string context, SuiteDiagnostics diagnostics)
    {
        var reader = new MappingReader(node, context, diagnostics);
        foreach (var entry in node.Entries)
        {
            if (entry.Key is not ScalarNode { IsNull: false } key)
            {
                diagnostics.Add(entry.Key, $"keys in {context} must be plain names, found {entry.Key.Found}");
                continue;
            }
            if (reader.byKey.TryGetValue(key.Value, out var first))
            {
                diagnostics.Add(key, $"duplicate key '{key.Value}' in {context} (first at line {first.Key.Line}, column {first.Key.Column})");
                continue;
            }
            reader.byKey.Add(key.Value, entry);
            reader.entries.Add((key, entry.Value));
        }
        return reader;
    }

    public bool Has(string key) => byKey.ContainsKey(key);

    /// <summary>The value under <paramref name="key"/>, or null when the key is absent.</summary>
    public Node? Optional(string key) => byKey.TryGetValue(key, out var entry) ? entry.Value : null;

    /// <summary>The value under a key the caller has already seen with <see cref="Has"/>.</summary>
    public Node Present(string key) =>
        Optional(key) ?? throw new InvalidOperationException($"'{key}' is not in {Context}; check Has() first.");

    /// <summary>The key node itself, for errors about the key rather than its value.</summary>
    public Node? KeyNode(string key) => byKey.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>The value under <paramref name="key"/>; when absent, reports it at the mapping's start.</summary>
    public Node? Required(string key, string what)
    {
        var value = Optional(key);
        if (value is null)
            diagnostics.Add(Node, $"{Context} is missing '{key}' ({what})");
        return value;
    }
}
