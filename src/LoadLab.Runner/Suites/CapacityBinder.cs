using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>Binds <c>capacity: { mode: on-demand }</c> or <c>{ mode: provisioned, read: 100, write: 50 }</c>.</summary>
internal static class CapacityBinder
{
    public static CapacityPlan? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "capacity", diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, "capacity", SuiteKeys.Capacity, diagnostics);
        var mode = reader.Required("mode", "on-demand or provisioned") is { } modeNode
            ? ScalarReader.Choice(modeNode, "capacity.mode", SuiteValues.CapacityModes, diagnostics)
            : null;

        if (mode == "on-demand")
        {
            // Units would be silently ignored; say so instead, since they usually mean the mode is wrong.
            foreach (var units in new[] { "read", "write" })
            {
                if (reader.KeyNode(units) is { } keyNode)
                    diagnostics.Add(keyNode, $"capacity.{units}: only allowed with 'mode: provisioned'; on-demand tables have no provisioned units");
            }
            return diagnostics.Count > before ? null : CapacityPlan.OnDemand;
        }
        if (mode != "provisioned")
            return null;

        var read = Units(reader, "read", diagnostics);
        var write = Units(reader, "write", diagnostics);
        return diagnostics.Count > before || read is null || write is null
            ? null
            : new CapacityPlan(CapacityMode.Provisioned, read.Value, write.Value);
    }

    private static long? Units(MappingReader reader, string key, SuiteDiagnostics diagnostics) =>
        reader.Required(key, $"{key} capacity units for provisioned mode, at least 1") is { } node
            ? ScalarReader.Long(node, $"capacity.{key}", 1, long.MaxValue, diagnostics)
            : null;
}
