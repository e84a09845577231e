using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LoadLab.Runner.Suites;

/// <summary>Turns YAML text into a <see cref="Node"/> tree, or reports the one syntax error that stops it.</summary>
internal sealed class YamlTreeReader
{
    // Suites are a few levels deep; the bound keeps a malformed or hostile file from exhausting the stack.
    private const int MaxDepth = 64;

    private readonly Parser parser;
    private readonly SuiteDiagnostics diagnostics;
    private readonly Dictionary<string, Node> anchors = new(StringComparer.Ordinal);

    // '{' and '[' not closed yet: the usual cause of a syntax error, so messages point back to them.
    private readonly Stack<(string Opener, Mark At)> openFlows = new();

    private readonly string text;

    private YamlTreeReader(string text, SuiteDiagnostics diagnostics)
    {
        this.text = text;
        parser = new Parser(new StringReader(text));
        this.diagnostics = diagnostics;
    }

    /// <summary>The document's root, or null after reporting why there is none.</summary>
    public static Node? Read(string text, SuiteDiagnostics diagnostics) => new YamlTreeReader(text, diagnostics).ReadStream();

    private Node? ReadStream()
    {
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                diagnostics.Add(1, 1, "the suite is empty; expected at least 'name', 'tables' and 'scenarios'");
                return null;
            }
            parser.Consume<DocumentStart>();
            var root = ReadNode(depth: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
                Add(second.Start, "a suite file holds one YAML document; remove the second one (from this '---')");
            return root;
        }
        catch (YamlException ex)
        {
            var (at, message) = SyntaxErrorText.Describe(ex.Message, ex.Start, text);
            Add(at, message + OpenFlowHint());
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16 throws this for a few malformed inputs (an unclosed '[' followed by a block
            // mapping, for one). The innermost unclosed bracket is then the best place to point at.
            if (UnclosedFlow() is { } open)
                Add(open.At, $"YAML syntax error: this '{open.Opener}' is not closed");
            else
                Add(parser.Current?.End ?? Mark.Empty, SyntaxErrorText.Unreadable);
            return null;
        }
    }

    private Node ReadNode(int depth)
    {
        var start = parser.Current ?? throw new InvalidOperationException("The YAML parser has no current event.");
        if (depth > MaxDepth)
            throw new SemanticErrorException(start.Start, start.End, $"The document is nested more than {MaxDepth} levels deep.");
        var line = (int)start.Start.Line;
        var column = (int)start.Start.Column;

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
                return target;
            diagnostics.Add(line, column, $"unknown alias '*{alias.Value.Value}'; define it first with '&{alias.Value.Value}'");
            return new ScalarNode(string.Empty, IsNull: true, line, column);
        }

        Node node;
        AnchorName anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor;
            node = new ScalarNode(scalar.Value, IsNull(scalar), line, column);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor;
            var items = new List<Node>();
            Open(sequenceStart.Style == SequenceStyle.Flow, "[", sequenceStart.Start);
            while (!parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode(depth + 1));
            Close(sequenceStart.Style == SequenceStyle.Flow);
            node = new SequenceNode(items, line, column);
        }
        else
        {
            var mappingStart = parser.Consume<MappingStart>();
            anchor = mappingStart.Anchor;
            var entries = new List<MappingEntry>();
            Open(mappingStart.Style == MappingStyle.Flow, "{", mappingStart.Start);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(depth + 1);
                var value = ReadNode(depth + 1);
                entries.Add(new MappingEntry(key, value));
            }
            Close(mappingStart.Style == MappingStyle.Flow);
            node = new MappingNode(entries, line, column);
        }

        if (!anchor.IsEmpty)
            anchors[anchor.Value] = node;
        return node;
    }

    private void Open(bool flow, string opener, Mark at)
    {
        if (flow)
            openFlows.Push((opener, at));
    }

    private void Close(bool flow)
    {
        if (flow)
            openFlows.Pop();
    }

    private string OpenFlowHint() =>
        UnclosedFlow() is { } open ? $" (the unclosed '{open.Opener}' is at line {open.At.Line}, column {open.At.Column})" : string.Empty;

    /// <summary>The innermost '{' or '[' the parser was inside that the text really leaves open.</summary>
    private (string Opener, Mark At)? UnclosedFlow()
    {
        foreach (var open in openFlows) // a stack enumerates innermost first
        {
            if (!FlowBrackets.IsClosed(text, (int)open.At.Index))
                return open;
        }
        return null;
    }

    private void Add(Mark at, string message) => diagnostics.Add((int)at.Line, (int)at.Column, message);

    /// <summary>YAML's null: an empty plain scalar, <c>~</c> or <c>null</c>; quoted text is never null.</summary>
    private static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
}
