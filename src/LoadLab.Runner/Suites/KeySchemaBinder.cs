using System.Text;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>Binds a table's <c>key: { pk: S, sk: N }</c>: partition key first, optional sort key second.</summary>
internal static class KeySchemaBinder
{
    public static IReadOnlyList<KeyAttribute>? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "key", diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Open(mapping, "key", diagnostics);
        if (reader.Entries.Count is 0 or > 2)
        {
            diagnostics.Add(mapping, Formatting.Invariant(
                $"key: expected 1 or 2 attributes (partition key, then optional sort key), found {reader.Entries.Count}"));
        }
        var attributes = new List<KeyAttribute>(2);
        foreach (var (name, typeNode) in reader.Entries)
        {
            if (name.Value.Length == 0 || Encoding.UTF8.GetByteCount(name.Value) > SuiteValues.MaxAttributeNameBytes)
            {
                diagnostics.Add(name, Formatting.Invariant(
                    $"key: attribute names are 1 to {SuiteValues.MaxAttributeNameBytes} bytes long, found '{name.Value}'"));
                continue;
            }
            if (ScalarReader.Choice(typeNode, $"key.{name.Value}", SuiteValues.KeyTypes, diagnostics) is { } type)
                attributes.Add(new KeyAttribute(name.Value, type));
        }
        return diagnostics.Count > before ? null : attributes;
    }
}
