using LoadLab.Core.Results;

namespace LoadLab.Reports.Text;

/// <summary>The capacity simulator's most throttled partition keys of the measured window, the same in every report.</summary>
public static class HotKeys
{
    /// <summary>Every table's and index's keys, most throttled first (ties by hash); null when the run had no simulator.</summary>
    public static IReadOnlyList<(string Scope, SimulatorKey Key)>? Scoped(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Simulator is null)
            return null;
        return [.. result.Simulator.Resources
            .SelectMany(r => r.TopThrottledKeys.Where(k => k.ThrottleEvents > 0).Select(k => (Scope: r.Index is null ? r.Table : r.Table + "/" + r.Index, Key: k)))
            .OrderByDescending(k => k.Key.ThrottleEvents)
            .ThenBy(k => k.Scope, StringComparer.Ordinal)
            .ThenBy(k => k.Key.KeyHash, StringComparer.Ordinal)];
    }

    /// <summary>The keys alone, most throttled first; null without a simulator.</summary>
    public static IReadOnlyList<SimulatorKey>? Of(RunResult result) => Scoped(result)?.Select(k => k.Key).ToArray();

    /// <summary>The hottest key's share of its resource's throttle events, in %; null without a simulator or throttles.</summary>
    public static double? TopShare(RunResult result)
    {
        if (Scoped(result) is not { Count: > 0 } keys || result.Simulator is not { } simulator)
            return null;
        var (scope, key) = keys[0];
        var resource = simulator.Resources.First(r => (r.Index is null ? r.Table : r.Table + "/" + r.Index) == scope);
        long total = resource.ThrottleEventsByReason.Values.Sum();
        return total > 0 ? Math.Min(100, 100.0 * key.ThrottleEvents / total) : null;
    }
}
