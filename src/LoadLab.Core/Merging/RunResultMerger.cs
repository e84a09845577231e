using LoadLab.Core.Results;

namespace LoadLab.Core.Merging;

/// <summary>
/// Combines the results of the shards of one run into one result, exactly: HdrHistograms add,
/// counters sum, and the per-second series line up on wall-clock seconds so a shard that started
/// a little later lands in the right second.
/// </summary>
public static class RunResultMerger
{
    /// <param name="shards">Results with their source (a path, for messages).</param>
    public static RunResult Merge(IReadOnlyList<(string Source, RunResult Result)> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0) throw new ShardMergeException("Nothing to merge: no results files were given.");
        Check(shards);
        var first = shards[0].Result;
        var origin = shards.Min(s => s.Result.Run.StartedAt);
        var results = shards.Select(s => s.Result).ToArray();
        var scenarioNames = results.SelectMany(r => r.Scenarios.Select(s => s.Name)).Distinct(StringComparer.Ordinal).ToArray();
        var scenarios = scenarioNames
            .Select(name => ScenarioMerge.Merge(results
                .Select(r => (Offset: (r.Run.StartedAt - origin).TotalSeconds, Scenario: r.Scenarios.FirstOrDefault(s => s.Name == name)))
                .Where(x => x.Scenario is not null)
                .Select(x => (x.Offset, x.Scenario!))
                .ToArray()))
            .ToArray();
        var ended = shards.Max(s => s.Result.Run.EndedAt);
        var shardInfo = new ShardInfo(
            first.Run.Shard?.RunGroup ?? first.Run.RunId,
            null,
            first.Run.Shard?.Count ?? shards.Count,
            results.Select(r => r.Run.Shard?.Index ?? 0).Order().ToArray());
        return first with
        {
            Run = first.Run with
            {
                StartedAt = origin,
                EndedAt = ended,
                DurationSeconds = Math.Round((ended - origin).TotalSeconds, 3),
                Interrupted = results.Any(r => r.Run.Interrupted),
                // A shard whose target died failed; the merge keeps the first such failure so it is not lost.
                TargetFailure = results.Select(r => r.Run.TargetFailure).FirstOrDefault(f => f is not null),
                Shard = shardInfo,
            },
            Scenarios = scenarios,
            Seeding = results.SelectMany(r => r.Seeding).ToArray(),
            Budgets = [],
            Findings = [.. MissingShards(shardInfo), .. results.SelectMany(r => r.Findings).Distinct(StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// A merge of some of the shards is allowed (a shard may have failed) but says so: it covers only part of the
    /// planned rate and of the key space, so throughput budgets and comparisons with unsharded runs do not hold.
    /// </summary>
    public static IEnumerable<string> MissingShards(ShardInfo merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var missing = Enumerable.Range(0, merged.Count).Except(merged.Merged ?? []).ToArray();
        if (missing.Length > 0)
            yield return $"Shard(s) {string.Join(", ", missing)} of {merged.Count} are missing from this merge: it covers {merged.Count - missing.Length}/{merged.Count} of the planned load and of the key space.";
    }

    private static string ShardCount(ShardInfo? shard) => shard is null ? "is not a shard (run without --shard)" : $"is one of {shard.Count} shards";

    private static void Check(IReadOnlyList<(string Source, RunResult Result)> shards)
    {
        var (firstSource, first) = shards[0];
        var problems = new List<string>();
        foreach (var (source, r) in shards.Skip(1))
        {
            if (r.Run.Suite != first.Run.Suite)
                problems.Add($"{source} is from suite '{r.Run.Suite}', {firstSource} from '{first.Run.Suite}'");
            string groupA = first.Run.Shard?.RunGroup ?? "(not sharded)";
            string groupB = r.Run.Shard?.RunGroup ?? "(not sharded)";
            if (groupA != groupB)
                problems.Add($"{source} belongs to run group {groupB}, {firstSource} to {groupA}");
            if (r.Run.Shard?.Count != first.Run.Shard?.Count)
                problems.Add($"{source} {ShardCount(r.Run.Shard)}, {firstSource} {ShardCount(first.Run.Shard)}");
        }

        var duplicates = shards.GroupBy(s => s.Result.Run.Shard?.Index).Where(g => g.Key is not null && g.Count() > 1);
        foreach (var d in duplicates)
            problems.Add($"shard {d.Key} appears twice: {string.Join(", ", d.Select(s => s.Source))}");
        if (problems.Count > 0)
            throw new ShardMergeException("These results cannot be merged:\n  " + string.Join("\n  ", problems) +
                "\nMerge only the shards of one sharded run (the same suite and run group, each shard once).");
    }
}
