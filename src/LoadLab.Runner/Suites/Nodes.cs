namespace LoadLab.Runner.Suites;

// A minimal YAML tree of our own rather than YamlDotNet's representation model: it keeps
// duplicate keys (so they can be reported instead of throwing) and a 1-based position on every node.

/// <summary>A YAML node with the position where it starts.</summary>
internal abstract record Node(int Line, int Column)
{
    /// <summary>How the node reads in "found …" messages.</summary>
    public abstract string Found { get; }
}

/// <summary>A scalar; every scalar is text until a reader asks for a type.</summary>
internal sealed record ScalarNode(string Value, bool IsNull, int Line, int Column) : Node(Line, Column)
{
    public override string Found => IsNull ? "nothing" : $"'{Value}'";
}

internal sealed record MappingEntry(Node Key, Node Value);

internal sealed record MappingNode(IReadOnlyList<MappingEntry> Entries, int Line, int Column) : Node(Line, Column)
{
    public override string Found => "a mapping";
}

internal sealed record SequenceNode(IReadOnlyList<Node> Items, int Line, int Column) : Node(Line, Column)
{
    public override string Found => "a list";
}
