using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Cost;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.Capacity.Proxy;
using LoadLab.Core.Results;

namespace LoadLab.Capacity.Reporting;

/// <summary>Turns the simulator's own metrics into the results.json <c>simulator</c> section (Core's plain records).</summary>
public static class SimulatorSectionBuilder
{
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
            Resources = snapshot.Resources.Where(r => !r.Deleted || r.ConsumedReadUnits + r.ConsumedWriteUnits > 0).Select(Resource).ToArray(),
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

    private static SimulatorResource Resource(CapacityResourceMetrics r) => new()
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
        Seconds = r.Seconds.Select(s => new SimulatorSecond(
            s.OffsetSeconds, s.DurationSeconds,
            Math.Round(s.ConsumedReadUnits, 3), Math.Round(s.ConsumedWriteUnits, 3),
            Math.Round(s.CapacityReadUnitsPerSecond, 3), Math.Round(s.CapacityWriteUnitsPerSecond, 3),
            s.ThrottledRequests, s.ThrottleEventsByReason,
            Math.Round(s.BurstReadUnits, 3), Math.Round(s.BurstWriteUnits, 3), s.PartitionCount)).ToArray(),
        Events = r.Splits.Select(e => new SimulatorEvent(e.OffsetSeconds, "split:" + e.Cause, null, e.PartitionsBefore, e.PartitionsAfter))
            .Concat(r.ScalingEvents.Select(e => new SimulatorEvent(e.OffsetSeconds, e.Kind, e.Dimension?.ToString().ToLowerInvariant(), e.FromUnits, e.ToUnits)))
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
