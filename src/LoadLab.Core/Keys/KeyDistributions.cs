using LoadLab.Core.Plans;

namespace LoadLab.Core.Keys;

/// <summary>Builds a scenario's key distribution from its plan. The allowed kinds are listed once, here.</summary>
public static class KeyDistributions
{
    public static IReadOnlyList<string> Kinds { get; } = ["uniform", "zipfian", "hotspot", "hotkey", "latest", "sequential"];

    /// <param name="newestIndex">For "latest": the highest item index written so far; null means the seeded items only.</param>
    public static IKeyDistribution Create(KeyDistributionPlan plan, long seed, string scenarioName, long items, Func<long>? newestIndex = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 1);
        var stream = new KeyStream(seed, scenarioName);
        return plan.Kind switch
        {
            "uniform" => new UniformKeys(stream, items),
            "zipfian" => new ZipfianKeys(stream, items, plan.Theta, plan.Scrambled),
            "hotspot" => new HotspotKeys(stream, items, plan.HotSetFraction, plan.HotOperationFraction),
            "hotkey" => new HotKeyKeys(stream, items, Math.Clamp(plan.HotKeyIndex, 0, items - 1), plan.HotOperationFraction),
            "latest" => new LatestKeys(stream, items, plan.Theta, newestIndex ?? (() => items - 1)),
            "sequential" => new SequentialKeys(items),
            _ => throw new ArgumentException($"Unknown key distribution '{plan.Kind}'. Allowed: {string.Join(", ", Kinds)}.", nameof(plan)),
        };
    }
}
