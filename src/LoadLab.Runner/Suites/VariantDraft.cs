namespace LoadLab.Runner.Suites;

/// <summary>
/// One entry of <c>variants:</c> as bound: its name and the suite nodes it replaces, per table id
/// (capacity, warm, key, indexes) and per data set (pk, sk, templates).
/// </summary>
internal sealed record VariantDraft(ScalarNode NameNode, IReadOnlyList<VariantOverride> Overrides)
{
    public string Name => NameNode.Value;
}

/// <summary>A replaced value: <c>tables</c> or <c>data</c>, the table id, the key and the variant's node.</summary>
internal sealed record VariantOverride(string Section, string Id, ScalarNode Key, Node Value)
{
    /// <summary>How the change reads in plan and reports, e.g. <c>orders.capacity: { mode: on-demand }</c>.</summary>
    public string Describe() => $"{Id}.{Key.Value}: {FlowText(Value)}";

    private static string FlowText(Node node) => node switch
    {
        ScalarNode scalar => scalar.IsNull ? "~" : scalar.Value,
        MappingNode mapping => "{ " + string.Join(", ", mapping.Entries.Select(e => FlowText(e.Key) + ": " + FlowText(e.Value))) + " }",
        SequenceNode sequence => "[" + string.Join(", ", sequence.Items.Select(FlowText)) + "]",
        _ => node.Found,
    };
}
