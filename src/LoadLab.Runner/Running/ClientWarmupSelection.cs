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

    /// <summary>Share of a capacity the warm-up may use: of the smallest provisioned units, and of what one key is served.</summary>
    public const double ProvisionedShare = 0.1;

    /// <summary>Units DynamoDB serves one partition key (and one item) per second at most, whatever the table's mode (docs/capacity-model.md).</summary>
    public const double KeyReadUnits = 3000, KeyWriteUnits = 1000;

    /// <summary>
    /// Calls per second the warm-up may make, given each warmed operation's table and estimated cost per call: a tenth of
    /// the smallest provisioned read or write units of the table or its indexes, and a tenth of what one key is served
    /// (the calls follow the load's key distribution, so a hot key may get most of them), each divided by the units one
    /// call costs (one at least). The buckets, burst, per-key limits and auto scaling the load meets are then those it
    /// would have met without the warm-up: 40 KB puts on a hot key at a hundred calls a second would leave it in debt.
    /// Null when nothing is warmed.
    /// </summary>
    public static double? MaxCallsPerSecond(IEnumerable<(TablePlan Table, Planning.UnitCost Cost)> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        double cap = double.PositiveInfinity;
        foreach (var (table, cost) in calls)
        {
            var provisioned = table.Indexes.Select(i => i.Capacity).Prepend(table.Capacity).Where(c => c is { Mode: CapacityMode.Provisioned }).ToList();
            double read = provisioned.Select(c => (double)c!.ReadUnits).Where(u => u > 0).Append(KeyReadUnits).Min() * ProvisionedShare;
            double write = provisioned.Select(c => (double)c!.WriteUnits).Where(u => u > 0).Append(KeyWriteUnits).Min() * ProvisionedShare;
            if (cost.ReadUnits > 0)
                cap = Math.Min(cap, read / Math.Max(1, cost.ReadUnits));
            if (cost.WriteUnits > 0)
                cap = Math.Min(cap, write / Math.Max(1, cost.WriteUnits));
        }

        return double.IsPositiveInfinity(cap) ? null : Math.Max(0.1, cap);
    }

    /// <summary>The warmed operations of <paramref name="scenarios"/>, each with its table and estimated cost per call.</summary>
    public static IEnumerable<(TablePlan Table, Planning.UnitCost Cost)> WarmedCalls(RunPlan plan, IEnumerable<ScenarioPlan> scenarios, bool prod)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var scenario in scenarios)
        {
            var table = plan.Table(scenario.TableId);
            if (plan.DataSets.FirstOrDefault(d => d.TableId == scenario.TableId) is not { } data)
                continue;
            var estimate = Planning.DataSetEstimator.Estimate(data, table);
            foreach (int i in Operations(scenario, prod))
                yield return (table, Planning.OperationCosts.Of(scenario.Mix[i], estimate, table));
        }
    }

    /// <summary><paramref name="options"/> capped at <see cref="MaxCallsPerSecond"/> of <paramref name="calls"/> when that is lower than its own cap.</summary>
    public static ClientWarmupOptions Paced(ClientWarmupOptions options, IEnumerable<(TablePlan Table, Planning.UnitCost Cost)> calls)
    {
        ArgumentNullException.ThrowIfNull(options);
        return MaxCallsPerSecond(calls) is { } cap && (options.MaxCallsPerSecond is null || cap < options.MaxCallsPerSecond)
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
