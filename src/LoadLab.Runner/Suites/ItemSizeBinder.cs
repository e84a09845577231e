using System.Globalization;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds a data set's <c>size:</c>: <c>2KB</c> or <c>{ target: 2KB }</c>, or <c>{ min: 500B, max: 4KB, distribution:
/// uniform|normal }</c>, optionally with the padding <c>attribute</c>. KB is 1,024 bytes, as DynamoDB counts.
/// </summary>
internal static class ItemSizeBinder
{
    public const string Expected = "a size such as 500B, 2KB or 1.5KB (1 KB = 1,024 bytes), at most 400KB";

    public static ItemSizePlan? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        if (node is ScalarNode)
            return Bytes(node, "size", diagnostics) is { } bytes ? ItemSizePlan.Target(bytes) : null;
        var mapping = ScalarReader.Mapping(node, "size", diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, "size", SuiteKeys.ItemSize, diagnostics);
        var attribute = reader.Optional("attribute") is { } a ? ScalarReader.Text(a, "size.attribute", diagnostics) : ItemSizePlan.DefaultAttribute;

        ItemSizePlan? plan = null;
        if (reader.Optional("target") is { } targetNode)
        {
            foreach (var key in new[] { "min", "max", "distribution" })
            {
                if (reader.KeyNode(key) is { } keyNode)
                    diagnostics.Add(keyNode, $"size.{key}: give either target, or min and max; not both");
            }
            plan = Bytes(targetNode, "size.target", diagnostics) is { } target ? ItemSizePlan.Target(target) : null;
        }
        else
        {
            var min = reader.Required("min", "the smallest item size, e.g. 500B (or give target)") is { } m ? Bytes(m, "size.min", diagnostics) : null;
            var max = reader.Required("max", "the largest item size, e.g. 4KB") is { } x ? Bytes(x, "size.max", diagnostics) : null;
            var distribution = reader.Optional("distribution") is { } d
                ? ScalarReader.Choice(d, "size.distribution", SuiteValues.SizeDistributions, diagnostics)
                : "uniform";
            if (min is not null && max is not null && min > max && reader.Optional("max") is { } maxNode)
                diagnostics.Add(maxNode, Formatting.Invariant($"size.max: {max:N0} bytes is less than min ({min:N0} bytes)"));
            if (min is not null && max is not null && distribution is not null)
                plan = new ItemSizePlan(min.Value, max.Value, distribution == "normal" ? SizeDistribution.Normal : SizeDistribution.Uniform);
        }

        return diagnostics.Count > before || plan is null || attribute is null ? null : plan with { Attribute = attribute };
    }

    /// <summary>Bytes from <c>500</c>, <c>500B</c>, <c>2KB</c> or <c>1.5KB</c>.</summary>
    public static long? Bytes(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var text = ScalarReader.Text(node, what, diagnostics);
        if (text is null)
            return null;
        if (!TryParse(text, out var bytes))
        {
            diagnostics.Add(node, $"{what}: expected {Expected}, found '{text}'");
            return null;
        }
        if (bytes < 1 || bytes > ItemSize.MaxBytes)
        {
            diagnostics.Add(node, Formatting.Invariant($"{what}: must be from 1 byte to 400KB (DynamoDB's item limit), found '{text}'"));
            return null;
        }
        return bytes;
    }

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        long unit = 1;
        if (trimmed.EndsWith("KB", StringComparison.OrdinalIgnoreCase))
        {
            unit = 1024;
            trimmed = trimmed[..^2];
        }
        else if (trimmed.EndsWith('B') || trimmed.EndsWith('b'))
        {
            trimmed = trimmed[..^1];
        }
        if (!decimal.TryParse(trimmed.TrimEnd(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > int.MaxValue)
            return false;
        bytes = (long)decimal.Round(value * unit, MidpointRounding.AwayFromZero);
        return true;
    }
}
