using LoadLab.Capacity.Model;

namespace LoadLab.Capacity.Proxy;

/// <summary>
/// The body of <c>POST /_loadlab/tables/{name}/autoscaling</c>: target-tracking policies for the table's
/// reads and writes and, by index name, its GSIs. A policy sent before the table exists is applied when
/// it is created through the proxy.
/// </summary>
public sealed record TableAutoScaling
{
    public AutoScalingPolicy? Read { get; init; }

    public AutoScalingPolicy? Write { get; init; }

    public IReadOnlyDictionary<string, IndexAutoScaling>? Indexes { get; init; }

    /// <summary>The first problem with the policies (target 0.2–0.9, 1 ≤ min ≤ max), or null when they are valid.</summary>
    public string? Validate()
    {
        var policies = new List<(string Where, AutoScalingPolicy? Policy)> { ("read", Read), ("write", Write) };
        foreach (var (index, scaling) in Indexes ?? new Dictionary<string, IndexAutoScaling>())
        {
            policies.Add(($"indexes.{index}.read", scaling?.Read));
            policies.Add(($"indexes.{index}.write", scaling?.Write));
        }

        foreach (var (where, policy) in policies)
        {
            if (policy is null)
                continue;
            if (policy.TargetUtilization is < 0.2 or > 0.9 || double.IsNaN(policy.TargetUtilization))
                return $"{where}.targetUtilization must be between 0.2 and 0.9 (got {policy.TargetUtilization.ToString(System.Globalization.CultureInfo.InvariantCulture)}).";
            if (policy.MinUnits < 1 || policy.MaxUnits < policy.MinUnits)
                return $"{where} needs 1 <= minUnits <= maxUnits.";
        }

        return null;
    }

    /// <summary>The definition with these policies applied (policies not given are left as they were).</summary>
    public TableCapacityDefinition ApplyTo(TableCapacityDefinition definition) => definition with
    {
        ReadScaling = Read ?? definition.ReadScaling,
        WriteScaling = Write ?? definition.WriteScaling,
        GlobalIndexes = definition.GlobalIndexes.Select(ApplyTo).ToList(),
    };

    private IndexCapacityDefinition ApplyTo(IndexCapacityDefinition index) =>
        Indexes is not null && Indexes.TryGetValue(index.IndexName, out var scaling) && scaling is not null
            ? index with { ReadScaling = scaling.Read ?? index.ReadScaling, WriteScaling = scaling.Write ?? index.WriteScaling }
            : index;
}

public sealed record IndexAutoScaling
{
    public AutoScalingPolicy? Read { get; init; }

    public AutoScalingPolicy? Write { get; init; }
}
