using LoadLab.Core.Plans;

namespace LoadLab.Cli.Running;

/// <summary>
/// Turns a plan into shard i of N: every open phase runs at 1/N of its rate and closed phases
/// split their workers, so the N shards together make the planned load. Each shard draws its own
/// operation sequence (seed offset by the shard index) over the same seeded data.
/// </summary>
internal static class ShardPlanner
{
    public static RunPlan Apply(RunPlan plan, ShardOptions shard)
    {
        if (shard.Count == 1) return plan;
        return plan with
        {
            Seed = plan.Seed + (shard.Index * 1_000_003L),
            Scenarios = plan.Scenarios.Select(s => s with
            {
                Phases = s.Phases.Select(p => Split(p, shard)).ToArray(),
                MaxInFlight = Math.Max(1, (int)Math.Ceiling(s.MaxInFlight / (double)shard.Count)),
            }).ToArray(),
        };
    }

    internal static LoadPhase Split(LoadPhase phase, ShardOptions shard) => phase switch
    {
        RatePhase r => r with { Rate = r.Rate / shard.Count },
        RampPhase r => r with { From = r.From / shard.Count, To = r.To / shard.Count },
        ConcurrencyPhase c => c with { Workers = Workers(c.Workers, shard) },
        RampConcurrencyPhase r => r with { From = Workers(r.From, shard), To = Workers(r.To, shard) },
        _ => phase,
    };

    // Whole workers: the first (total mod N) shards take one more, so the shards add up exactly.
    private static int Workers(int total, ShardOptions shard) =>
        (total / shard.Count) + (shard.Index < total % shard.Count ? 1 : 0);
}
