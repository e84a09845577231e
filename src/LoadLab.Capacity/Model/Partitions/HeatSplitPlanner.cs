using LoadLab.Capacity.Model.Sketches;

namespace LoadLab.Capacity.Model.Partitions;

/// <summary>What the split-for-heat check decided for a hot partition.</summary>
internal enum HeatSplitOutcome
{
    Split,

    /// <summary>One key carries more than the dominant share: splitting cannot help (docs/capacity-model.md §14).</summary>
    DominantKey,

    /// <summary>All observed load sits on one side of every possible boundary.</summary>
    NoBoundary,
}

/// <summary>
/// Chooses where a hot partition splits (docs/capacity-model.md §14): nowhere when one key dominates, else at the
/// load-weighted median key. Boundaries fall between partition keys when that balances the load
/// well enough; inside one partition key only when the table allows it (no LSI) and that balances
/// clearly better — e.g. one partition key with many hot items.
/// </summary>
internal static class HeatSplitPlanner
{
    // A key-boundary split is kept unless a within-key split beats it by this share of the load.
    private const double WithinKeyAdvantage = 0.1;

    /// <param name="heat">Load by key (item keys when <paramref name="allowWithinKey"/>, else partition keys).</param>
    public static HeatSplitOutcome Plan(
        SpaceSavingSummary heat, UInt128 low, UInt128 high, bool allowWithinKey, double dominantShare, out UInt128 boundary)
    {
        boundary = default;
        if (heat.Count == 0 || heat.Total <= 0)
            return HeatSplitOutcome.NoBoundary;
        var entries = heat.ByKey();
        if (LargestKeyShare(entries, heat.Total, allowWithinKey) > dominantShare)
            return HeatSplitOutcome.DominantKey;

        double sum = 0;
        foreach (var entry in entries)
            sum += entry.Weight;

        var bestKey = BestBoundary(entries, sum, low, high, onKeyBoundary: true);
        var bestExact = allowWithinKey ? BestBoundary(entries, sum, low, high, onKeyBoundary: false) : null;
        var choice = bestKey;
        if (bestExact is { } exact && (bestKey is null || exact.Heavier < bestKey.Value.Heavier - (WithinKeyAdvantage * sum)))
            choice = exact;
        if (choice is not { } chosen)
            return HeatSplitOutcome.NoBoundary;
        boundary = chosen.Boundary;
        return HeatSplitOutcome.Split;
    }

    private static double LargestKeyShare((UInt128 Key, double Weight)[] entries, double total, bool byItem)
    {
        double largest = 0, group = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            // Sorted by key, so one partition key's items are neighbours.
            var sameGroup = i > 0 && (byItem
                ? entries[i].Key == entries[i - 1].Key
                : RoutingKey.PartitionPart(entries[i].Key) == RoutingKey.PartitionPart(entries[i - 1].Key));
            group = sameGroup ? group + entries[i].Weight : entries[i].Weight;
            largest = Math.Max(largest, group);
        }

        return largest / total;
    }

    private static (UInt128 Boundary, double Heavier)? BestBoundary(
        (UInt128 Key, double Weight)[] entries, double sum, UInt128 low, UInt128 high, bool onKeyBoundary)
    {
        (UInt128 Boundary, double Heavier)? best = null;
        double left = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            var candidate = onKeyBoundary ? RoutingKey.Of(RoutingKey.PartitionPart(entries[i].Key), 0) : entries[i].Key;
            // On key boundaries only the first item of each partition key starts a candidate.
            var startsGroup = i == 0 || (onKeyBoundary
                ? RoutingKey.PartitionPart(entries[i].Key) != RoutingKey.PartitionPart(entries[i - 1].Key)
                : entries[i].Key != entries[i - 1].Key);
            var heavier = Math.Max(left, sum - left);
            // Both sides must keep some load and the boundary must cut inside the range.
            if (startsGroup && left > 0 && candidate > low && candidate <= high && (best is null || heavier < best.Value.Heavier))
                best = (candidate, heavier);
            left += entries[i].Weight;
        }

        return best;
    }
}
