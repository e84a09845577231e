namespace LoadLab.Capacity.Model.Metrics;

/// <summary>
/// The most throttled partition keys of one metrics interval. Kept per interval (not only per run) so a
/// report can count the keys of the measured window alone, leaving seeding and warm-up out.
/// </summary>
internal static class IntervalKeys
{
    /// <summary>At most this many keys per interval: enough to rank a run's top ten after summing intervals.</summary>
    public const int PerInterval = 16;

    /// <summary>Sums two intervals' keys, heaviest first (ties by hash, so output is deterministic), cut to <see cref="PerInterval"/>.</summary>
    public static ThrottledKey[]? Merge(ThrottledKey[]? a, ThrottledKey[]? b)
    {
        if (a is null || b is null)
            return a ?? b;
        var sums = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var key in a.Concat(b))
            sums[key.KeyHash] = sums.GetValueOrDefault(key.KeyHash) + key.ThrottleEvents;
        return Top(sums, PerInterval);
    }

    public static ThrottledKey[] Top(IReadOnlyDictionary<string, long> sums, int count) =>
        [.. sums.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(count).Select(s => new ThrottledKey(s.Key, s.Value))];
}
