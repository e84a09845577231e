using LoadLab.Core.Engine;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Running;

/// <summary>
/// Which operations of a mix the client warm-up may call before the load, and how many at once. Reads always; writes
/// only when they overwrite items the run already writes (put and update of seeded items) and never on prod (§6: prod
/// runs read only). Never deletes, inserts (<c>new: true</c>), batch or transactional writes, nor scans (a scan reads
/// the whole table): the warm-up must leave the data as the load expects it and cost little.
/// </summary>
internal static class ClientWarmupSelection
{
    /// <summary>Connections to open at most while warming; the load opens any more it needs itself.</summary>
    private const int MaxConcurrency = 64;

    public static IReadOnlyList<int> Operations(ScenarioPlan scenario, bool prod)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var picked = new List<int>();
        for (int i = 0; i < scenario.Mix.Count; i++)
        {
            if (Warmable(scenario.Mix[i], prod))
                picked.Add(i);
        }

        return picked;
    }

    public static bool Warmable(OperationWeight entry, bool prod)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            OperationKind.Get or OperationKind.Query or OperationKind.BatchGet or OperationKind.TransactGet => true,
            OperationKind.Put or OperationKind.Update => !prod && !entry.Options.NewItems,
            _ => false,
        };
    }

    /// <summary>LoadLab's default warm-up for <paramref name="scenarios"/>.</summary>
    public static ClientWarmupOptions OptionsFor(IEnumerable<ScenarioPlan> scenarios) => OptionsFor(ClientWarmupOptions.Default, scenarios);

    /// <summary>Share of the smallest provisioned capacity the warm-up may use, counting one unit per call.</summary>
    public const double ProvisionedShare = 0.1;

    /// <summary>
    /// Calls per second the warm-up may make against <paramref name="tables"/>: a tenth of the smallest provisioned read or
    /// write units of any of them or their indexes (one unit per call, the least a call costs), so the buckets, burst and
    /// auto scaling the load meets are those it would have met without the warm-up; null when all are on demand.
    /// </summary>
    public static double? MaxCallsPerSecond(IEnumerable<TablePlan> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var units = tables
            .SelectMany(t => t.Indexes.Select(i => i.Capacity).Prepend(t.Capacity))
            .Where(c => c is { Mode: CapacityMode.Provisioned })
            .SelectMany(c => new[] { c!.ReadUnits, c.WriteUnits })
            .Where(u => u > 0)
            .ToList();
        return units.Count == 0 ? null : Math.Max(0.1, units.Min() * ProvisionedShare);
    }

    /// <summary><paramref name="options"/> capped at <see cref="MaxCallsPerSecond"/> of <paramref name="tables"/> when that is lower than its own cap.</summary>
    public static ClientWarmupOptions Paced(ClientWarmupOptions options, IEnumerable<TablePlan> tables)
    {
        ArgumentNullException.ThrowIfNull(options);
        return MaxCallsPerSecond(tables) is { } cap && (options.MaxCallsPerSecond is null || cap < options.MaxCallsPerSecond)
            ? options with { MaxCallsPerSecond = cap }
            : options;
    }

    /// <summary><paramref name="options"/> with as many calls in flight as the scenarios' load will have (4 to 64).</summary>
    public static ClientWarmupOptions OptionsFor(ClientWarmupOptions options, IEnumerable<ScenarioPlan> scenarios)
    {
        ArgumentNullException.ThrowIfNull(options);
        int peak = scenarios.Sum(s => s.Phases.Select(p => p switch
        {
            ConcurrencyPhase c => c.Workers,
            RampConcurrencyPhase r => Math.Max(r.From, r.To),
            _ => Math.Min(s.MaxInFlight, MaxConcurrency),
        }).DefaultIfEmpty(0).Max());
        return options with { Concurrency = Math.Clamp(peak, 4, MaxConcurrency) };
    }
}
