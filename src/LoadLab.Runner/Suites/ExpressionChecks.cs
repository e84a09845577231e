using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Checks an operation's expressions against its <c>values:</c> the way DynamoDB will, but with positions: every
/// <c>:name</c> needs a value, every value must be used, and LoadLab's own placeholder prefix is not available.
/// </summary>
internal static class ExpressionChecks
{
    private static readonly string[] ExpressionKeys = ["condition", "filter"];

    public static void Check(MappingReader reader, string operation, SuiteDiagnostics diagnostics)
    {
        // Keys as written, so a value that failed to bind is not reported a second time as missing.
        var valueKeys = reader.Optional("values") is MappingNode values
            ? values.Entries.Select(e => e.Key).OfType<ScalarNode>().Where(k => !k.IsNull).ToList()
            : [];
        var defined = valueKeys.Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in ExpressionKeys)
        {
            if (reader.Optional(key) is not ScalarNode { IsNull: false } node)
                continue;
            var what = $"mix.{operation}.{key}";
            foreach (var placeholder in ExpressionPlaceholders.Names(node.Value).Concat(ExpressionPlaceholders.Values(node.Value)))
            {
                if (ExpressionPlaceholders.IsReserved(placeholder))
                    diagnostics.Add(node, $"{what}: placeholders starting with '{placeholder[0]}{ExpressionPlaceholders.Reserved}' are kept for LoadLab's own; rename '{placeholder}'");
            }
            foreach (var placeholder in ExpressionPlaceholders.Values(node.Value))
            {
                used.Add(placeholder);
                if (!defined.Contains(placeholder))
                    diagnostics.Add(node, $"{what}: '{placeholder}' has no value; add it under values, e.g. values: {{ \"{placeholder}\": 100 }}");
            }
        }

        // DynamoDB refuses a request with a value no expression uses.
        foreach (var key in valueKeys)
        {
            if (key.Value.StartsWith(':') && !used.Contains(key.Value))
                diagnostics.Add(key, $"mix.{operation}.values: '{key.Value}' is not used by {Expressions(reader)}; DynamoDB refuses values no expression uses");
        }
    }

    private static string Expressions(MappingReader reader)
    {
        var present = ExpressionKeys.Where(reader.Has).ToList();
        return present.Count == 0 ? "any expression (there is no condition or filter)" : "the " + string.Join(" or ", present);
    }
}
