using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds a provisioned table's <c>capacity.autoScaling</c>: target tracking as Application Auto Scaling
/// does it, per dimension (docs/capacity-model.md §16). <c>{ target: 70, min: 5, max: 400 }</c> scales reads and writes
/// alike; <c>{ read: { … }, write: { … } }</c> gives each its own policy (either may be left out).
/// </summary>
internal static class AutoScalingBinder
{
    /// <summary>Target utilisation when the suite leaves it out: the AWS console's default.</summary>
    public const double DefaultTargetPercent = 70;

    /// <summary>AWS allows target utilisation from 20 to 90 percent.</summary>
    public const double MinTargetPercent = 20;

    public const double MaxTargetPercent = 90;

    /// <summary>
    /// Adds the auto scaling policies of the capacity mapping to <paramref name="capacity"/> (a table's, or a global
    /// index's); <paramref name="what"/> is where the mapping sits, for messages.
    /// </summary>
    public static CapacityPlan? WithAutoScaling(Node capacityNode, CapacityPlan? capacity, SuiteDiagnostics diagnostics, string what = "capacity")
    {
        // CapacityBinder has reported a mapping that is not one, and duplicate or unknown keys; read quietly here.
        if (capacityNode is not MappingNode mapping)
            return capacity;
        var quiet = MappingReader.Open(mapping, "capacity", new SuiteDiagnostics(diagnostics.File));
        if (quiet.Optional("autoScaling") is not { } node)
            return capacity;
        if (capacity is { Mode: CapacityMode.OnDemand })
        {
            diagnostics.Add(quiet.KeyNode("autoScaling")!, $"{what}.autoScaling: only allowed with 'mode: provisioned'; on-demand tables scale by themselves");
            return null;
        }

        var policies = Bind(node, what + ".autoScaling", diagnostics);
        return policies is null || capacity is null
            ? null
            : capacity with { ReadAutoScaling = policies.Value.Read, WriteAutoScaling = policies.Value.Write };
    }

    private static (AutoScalingPlan? Read, AutoScalingPlan? Write)? Bind(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, what, diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, what, SuiteKeys.AutoScaling, diagnostics);
        var perDimension = reader.Has("read") || reader.Has("write");
        if (perDimension && SuiteKeys.AutoScalingPolicy.Any(reader.Has))
        {
            diagnostics.Add(mapping, $"{what}: give either one policy for both dimensions ({{ target, min, max }}) or read: and write: policies, not both");
            return null;
        }

        if (!perDimension)
        {
            var both = Policy(reader, what, diagnostics);
            return diagnostics.Count > before ? null : (both, both);
        }

        var read = reader.Optional("read") is { } r ? Nested(r, what + ".read", diagnostics) : null;
        var write = reader.Optional("write") is { } w ? Nested(w, what + ".write", diagnostics) : null;
        return diagnostics.Count > before ? null : (read, write);
    }

    private static AutoScalingPlan? Nested(Node node, string what, SuiteDiagnostics diagnostics) =>
        ScalarReader.Mapping(node, what, diagnostics) is { } mapping
            ? Policy(MappingReader.Fixed(mapping, what, SuiteKeys.AutoScalingPolicy, diagnostics), what, diagnostics)
            : null;

    private static AutoScalingPlan? Policy(MappingReader reader, string what, SuiteDiagnostics diagnostics)
    {
        var target = reader.Optional("target") is { } t
            ? ScalarReader.Number(t, what + ".target", MinTargetPercent, MaxTargetPercent, minExclusive: false, diagnostics)
            : DefaultTargetPercent;
        var min = reader.Required("min", "the fewest units auto scaling may set, at least 1") is { } minNode
            ? ScalarReader.Long(minNode, what + ".min", 1, long.MaxValue, diagnostics)
            : null;
        var max = reader.Required("max", "the most units auto scaling may set, at least min") is { } maxNode
            ? ScalarReader.Long(maxNode, what + ".max", 1, long.MaxValue, diagnostics)
            : null;
        if (min is null || max is null || target is null)
            return null;
        if (max < min)
        {
            diagnostics.Add(reader.Present("max"), Formatting.Invariant($"{what}.max: must be at least min ({min:N0}), found {max:N0}"));
            return null;
        }

        return new AutoScalingPlan(target.Value, min.Value, max.Value);
    }
}
