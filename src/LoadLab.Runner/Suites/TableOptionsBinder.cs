using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Table options beside the key: on-demand maximums in <c>capacity:</c> (<c>maxRead</c>, <c>maxWrite</c>, checked
/// here so <see cref="CapacityBinder"/> stays about the mode and units) and <c>warm: { read, write }</c>.
/// </summary>
internal static class TableOptionsBinder
{
    /// <summary>Adds <c>maxRead</c>/<c>maxWrite</c> of the capacity mapping to <paramref name="capacity"/>.</summary>
    public static CapacityPlan? WithMaximums(Node capacityNode, CapacityPlan? capacity, SuiteDiagnostics diagnostics)
    {
        // CapacityBinder has reported a mapping that is not one, and duplicate or unknown keys; read quietly here.
        if (capacityNode is not MappingNode mapping)
            return capacity;
        var reader = MappingReader.Open(mapping, "capacity", new SuiteDiagnostics(diagnostics.File));
        var maxReadKey = reader.KeyNode("maxRead");
        var maxWriteKey = reader.KeyNode("maxWrite");
        if (maxReadKey is null && maxWriteKey is null)
            return capacity;
        if (capacity is { Mode: CapacityMode.Provisioned })
        {
            foreach (var key in new[] { maxReadKey, maxWriteKey }.OfType<Node>())
                diagnostics.Add(key, $"capacity.{((ScalarNode)key).Value}: only allowed with 'mode: on-demand'; provisioned tables are capped by their units");
            return null;
        }

        var maxRead = reader.Optional("maxRead") is { } r ? ScalarReader.Long(r, "capacity.maxRead", 1, long.MaxValue, diagnostics) : null;
        var maxWrite = reader.Optional("maxWrite") is { } w ? ScalarReader.Long(w, "capacity.maxWrite", 1, long.MaxValue, diagnostics) : null;
        if ((maxReadKey is not null && maxRead is null) || (maxWriteKey is not null && maxWrite is null) || capacity is null)
            return null;
        return capacity with { MaxReadUnits = maxRead, MaxWriteUnits = maxWrite };
    }

    /// <summary>Binds <c>warm: { read: 12000, write: 4000 }</c> (units per second; either may be left out).</summary>
    public static WarmThroughputPlan? Warm(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "warm", diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, "warm", SuiteKeys.Warm, diagnostics);
        var read = reader.Optional("read") is { } r ? ScalarReader.Long(r, "warm.read", 1, long.MaxValue, diagnostics) : null;
        var write = reader.Optional("write") is { } w ? ScalarReader.Long(w, "warm.write", 1, long.MaxValue, diagnostics) : null;
        if (!reader.Has("read") && !reader.Has("write"))
            diagnostics.Add(mapping, "warm: give read and/or write units per second, e.g. warm: { read: 12000, write: 4000 }");
        return diagnostics.Count > before ? null : new WarmThroughputPlan(read, write);
    }
}
