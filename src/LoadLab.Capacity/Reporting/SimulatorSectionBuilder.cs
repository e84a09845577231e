using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Cost;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.Capacity.Proxy;
using LoadLab.Core.Results;

namespace LoadLab.Capacity.Reporting;

/// <summary>Turns the simulator's own metrics into the results.json <c>simulator</c> section (Core's plain records).</summary>
public static class SimulatorSectionBuilder
{
    /// <summary>Everything since the simulator started, seeding included (the metrics endpoint's view; runs pass a window).</summary>
    public static SimulatorSection Build(CapacityMetricsSnapshot snapshot, CapacitySettings settings, ProxyRequestStatistics? requests, Proxy.Faults.FaultStatistics? faults = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(settings);
        var cost = CapacityCost.Estimate(snapshot, settings);
        return new SimulatorSection
        {
            Preset = snapshot.Preset,
            Overrides = snapshot.Overrides,
            Parameters = snapshot.Parameters,
            Resources = Kept(snapshot).Select(r => Resource(r, settings, Seconds(r, s => s.OffsetSeconds))).ToArray(),
            Requests = requests is null ? null : new SimulatorRequests(requests.LogicalCalls, requests.Attempts, requests.ThrottledAttempts),
            Faults = faults is { Configured: true } ? new SimulatorFaults(faults.Settings, faults.Requests, faults.Injected) : null,
            Cost = cost.Resources.Select(c => new SimulatorCost(
                c.Table,
                c.Index,
                Mode(c.Mode),
                Math.Round(c.Mode == CapacityBillingMode.OnDemand ? c.OnDemandDollars : c.ProvisionedDollars, 6),
                c.Mode == CapacityBillingMode.OnDemand ? "provisioned" : "on-demand",
                Math.Round(c.WhatIfOtherModeDollars, 6),
                Math.Round(c.StorageDollars, 6))).ToArray(),
        };
    }

    /// <summary>
    /// The measured window only: per-second data, totals, throttles, hot keys and cost are taken from the
    /// seconds inside <paramref name="window"/>; the seconds before and after it are summed per phase into
    /// <see cref="SimulatorSection.Seeding"/>. Offsets are re-based on the load's start, the time base of the run's series.
    /// </summary>
    /// <param name="requests">The proxy's call counts over the window (the caller subtracts its counters at the window's start).</param>
    public static SimulatorSection Build(CapacityMetricsSnapshot snapshot, CapacitySettings settings, SimulatorRequests? requests, MeasuredWindow window, Proxy.Faults.FaultStatistics? faults = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(window);
        // Seconds since the simulator started → seconds since the load started.
        double shift = (snapshot.StartedAt - window.LoadStartedAt).TotalSeconds;
        var resources = new List<SimulatorResource>();
        var costs = new List<SimulatorCost>();
        var phases = new List<SimulatorPhase>();
        foreach (var metrics in Kept(snapshot))
        {
            var all = Seconds(metrics, s => s.OffsetSeconds + shift);
            var byPhase = all.GroupBy(s => window.PhaseOf(s.Offset, s.Length)).ToDictionary(g => g.Key, g => g.ToArray());
            var inside = byPhase.GetValueOrDefault(MeasuredWindow.Window) ?? [];
            var resource = WindowTotals(Resource(metrics, settings, inside, shift), settings.TopThrottledKeys);
            resources.Add(resource);
            costs.Add(WindowCost.Of(resource, metrics.StoredBytes, settings));
            foreach (var phase in new[] { MeasuredWindow.Seeding, MeasuredWindow.Warmup, MeasuredWindow.After })
            {
                if (byPhase.TryGetValue(phase, out var outside) && outside.Any(s => s.ConsumedRead + s.ConsumedWrite > 0 || s.ThrottledRequests > 0))
                    phases.Add(Phase(metrics, phase, outside));
            }
        }

        return new SimulatorSection
        {
            Preset = snapshot.Preset,
            Overrides = snapshot.Overrides,
            Parameters = snapshot.Parameters,
            Resources = resources,
            Requests = requests,
            Faults = faults is { Configured: true } ? new SimulatorFaults(faults.Settings, faults.Requests, faults.Injected) : null,
            Cost = costs,
            Window = new SimulatorWindow(window.LoadStartedAt, Math.Round(window.From, 3), Math.Round(window.To, 3), MeasuredWindow.Rule),
            Seeding = phases,
        };
    }

    /// <summary>The proxy's counters between two snapshots: the calls of the measured window.</summary>
    public static SimulatorRequests Requests(ProxyRequestStatistics end, ProxyRequestStatistics? start)
    {
        ArgumentNullException.ThrowIfNull(end);
        return new SimulatorRequests(
            end.LogicalCalls - (start?.LogicalCalls ?? 0),
            end.Attempts - (start?.Attempts ?? 0),
            end.ThrottledAttempts - (start?.ThrottledAttempts ?? 0));
    }

    private static IEnumerable<CapacityResourceMetrics> Kept(CapacityMetricsSnapshot snapshot) =>
        snapshot.Resources.Where(r => !r.Deleted || r.ConsumedReadUnits + r.ConsumedWriteUnits > 0);

    /// <summary>The resource's totals recomputed from its window seconds, so no seeding or warm-up figure is left in them.</summary>
    private static SimulatorResource WindowTotals(SimulatorResource resource, int topKeys)
    {
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var keys = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var second in resource.Seconds)
        {
            foreach (var (reason, n) in second.ThrottleEventsByReason ?? new Dictionary<string, long>())
                reasons[reason] = reasons.GetValueOrDefault(reason) + n;
            foreach (var key in second.ThrottledKeys ?? [])
                keys[key.KeyHash] = keys.GetValueOrDefault(key.KeyHash) + key.ThrottleEvents;
        }

        return resource with
        {
            ConsumedReadUnits = Math.Round(resource.Seconds.Sum(s => s.ConsumedRead), 3),
            ConsumedWriteUnits = Math.Round(resource.Seconds.Sum(s => s.ConsumedWrite), 3),
            ThrottledRequests = resource.Seconds.Sum(s => s.ThrottledRequests),
            ThrottleEventsByReason = reasons,
            TopThrottledKeys = [.. IntervalKeys.Top(keys, topKeys).Select(k => new SimulatorKey(k.KeyHash, k.ThrottleEvents))],
        };
    }

    private static SimulatorPhase Phase(CapacityResourceMetrics metrics, string phase, IReadOnlyList<SimulatorSecond> seconds)
    {
        var reasons = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (reason, n) in seconds.SelectMany(s => s.ThrottleEventsByReason ?? new Dictionary<string, long>()))
            reasons[reason] = reasons.GetValueOrDefault(reason) + n;
        return new SimulatorPhase(
            metrics.Table, metrics.Index, phase, seconds.Sum(s => s.Length),
            Math.Round(seconds.Sum(s => s.ConsumedRead), 3), Math.Round(seconds.Sum(s => s.ConsumedWrite), 3),
            seconds.Sum(s => s.ThrottledRequests), reasons);
    }

    private static SimulatorSecond[] Seconds(CapacityResourceMetrics r, Func<CapacitySecond, double> offset) =>
        r.Seconds.Select(s => new SimulatorSecond(
            Math.Round(offset(s), 3), s.DurationSeconds,
            Math.Round(s.ConsumedReadUnits, 3), Math.Round(s.ConsumedWriteUnits, 3),
            Math.Round(s.CapacityReadUnitsPerSecond, 3), Math.Round(s.CapacityWriteUnitsPerSecond, 3),
            s.ThrottledRequests, s.ThrottleEventsByReason,
            Math.Round(s.BurstReadUnits, 3), Math.Round(s.BurstWriteUnits, 3), s.PartitionCount,
            Math.Round(s.HotPartitionReadUnits, 3), Math.Round(s.HotPartitionWriteUnits, 3),
            s.PartitionShares?.Select(x => Math.Round((double)x, 3)).ToArray(),
            s.TopThrottledKeys?.Select(k => new SimulatorKey(k.KeyHash, k.ThrottleEvents)).ToArray())).ToArray();

    private static SimulatorResource Resource(CapacityResourceMetrics r, CapacitySettings settings, IReadOnlyList<SimulatorSecond> seconds, double shift = 0) => new()
    {
        Table = r.Table,
        Index = r.Index,
        Mode = Mode(r.Mode),
        ProvisionedReadUnits = r.ProvisionedReadUnits,
        ProvisionedWriteUnits = r.ProvisionedWriteUnits,
        ConsumedReadUnits = Math.Round(r.ConsumedReadUnits, 3),
        ConsumedWriteUnits = Math.Round(r.ConsumedWriteUnits, 3),
        ThrottledRequests = r.ThrottledRequests,
        ThrottleEventsByReason = r.ThrottleEventsByReason,
        PartitionCount = r.PartitionCount,
        PartitionLimitReadUnits = settings.PartitionMaxReadUnitsPerSecond,
        PartitionLimitWriteUnits = settings.PartitionMaxWriteUnitsPerSecond,
        Seconds = seconds,
        // Events keep their time on the same base (negative: before the load), so a split during seeding still explains the partition count.
        Events = r.Splits.Select(e => new SimulatorEvent(Math.Round(e.OffsetSeconds + shift, 3), "split:" + e.Cause, null, e.PartitionsBefore, e.PartitionsAfter))
            .Concat(r.ScalingEvents.Select(e => new SimulatorEvent(Math.Round(e.OffsetSeconds + shift, 3), e.Kind, e.Dimension?.ToString().ToLowerInvariant(), e.FromUnits, e.ToUnits)))
            .OrderBy(e => e.Offset)
            .ToArray(),
        TopThrottledKeys = r.TopThrottledKeys.Select(k => new SimulatorKey(k.KeyHash, k.ThrottleEvents)).ToArray(),
        ReadAutoScaling = Scaling(r.ReadScaling),
        WriteAutoScaling = Scaling(r.WriteScaling),
    };

    private static SimulatorAutoScaling? Scaling(AutoScalingPolicy? policy) =>
        policy is null ? null : new SimulatorAutoScaling(Math.Round(policy.TargetUtilization * 100, 3), policy.MinUnits, policy.MaxUnits);

    private static string Mode(CapacityBillingMode mode) => mode == CapacityBillingMode.OnDemand ? "on-demand" : "provisioned";
}
