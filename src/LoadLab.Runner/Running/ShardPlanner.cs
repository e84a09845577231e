using LoadLab.Core.Errors;
using LoadLab.Core.Keys;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;

namespace LoadLab.Runner.Running;

/// <summary>
/// Turns a plan into shard i of N: every open phase runs at 1/N of its rate and closed phases
/// split their workers, so the N shards together make the planned load. Each shard draws its own
/// operation sequence (seed offset by the shard index) over its own slice of the seeded data
/// (<see cref="KeyShard"/>): it seeds only that slice and its keys come only from it.
/// </summary>
internal static class ShardPlanner
{
    public static RunPlan Apply(RunPlan plan, ShardOptions shard)
    {
        if (shard.Count == 1) return plan;
        var tooSmall = plan.DataSets.Where(d => d.Items < shard.Count).ToArray();
        if (tooSmall.Length > 0)
            throw new InvalidInputException(string.Join("\n", tooSmall.Select(d =>
                $"--shard {shard.Index}/{shard.Count}: data set '{d.TableId}' has {d.Items} items, fewer than the {shard.Count} shards, so some shards would have no keys. Use at most {d.Items} shards or more items.")));
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

    /// <summary>The shard's place in its run group and the slice of every data set it seeded and targeted.</summary>
    public static ShardInfo Describe(RunPlan plan, ShardOptions shard) =>
        new(shard.RunGroup, shard.Index, shard.Count, Slices: plan.DataSets.Select(d =>
        {
            var slice = shard.Keys.SliceOf(d.Items);
            return new ShardSlice(plan.Table(d.TableId).Name, slice.Start, slice.Count, d.Items);
        }).ToArray());

    internal static LoadPhase Split(LoadPhase phase, ShardOptions shard) => phase switch
    {
        RatePhase r => r with { Rate = r.Rate / shard.Count },
        RampPhase r => r with { From = r.From / shard.Count, To = r.To / shard.Count },
        ProfilePhase p => p.ScaleRates(1.0 / shard.Count),
        ConcurrencyPhase c => c with { Workers = Workers(c.Workers, shard) },
        RampConcurrencyPhase r => r with { From = Workers(r.From, shard), To = Workers(r.To, shard) },
        _ => phase,
    };

    // Whole workers: the first (total mod N) shards take one more, so the shards add up exactly.
    private static int Workers(int total, ShardOptions shard) =>
        (total / shard.Count) + (shard.Index < total % shard.Count ? 1 : 0);
}
