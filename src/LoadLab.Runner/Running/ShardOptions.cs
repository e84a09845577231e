using LoadLab.Runner.Target;
using LoadLab.Core.Text;
using System.Globalization;
using LoadLab.Capacity.Model.Settings;
using LoadLab.Runner.Suites;
using LoadLab.Core.Keys;

namespace LoadLab.Runner.Running;

/// <summary>
/// <c>--shard i/N</c>: this process is shard i (0-based) of N and takes 1/N of every phase's rate
/// or workers; <c>--start-at</c> aligns all shards on one start time; <c>--run-group</c> names the run
/// so <c>loadlab merge</c> can check it combines the right shards.
/// </summary>
internal sealed record ShardOptions(int Index, int Count, DateTimeOffset? StartAt, string RunGroup)
{
    /// <summary>The part of every data set this shard seeds and targets.</summary>
    public KeyShard Keys => new(Index, Count);

    public static ShardOptions? Parse(string? shard, string? startAt, string? runGroup, List<string> errors)
    {
        DateTimeOffset? start = null;
        if (startAt is not null)
        {
            if (DateTimeOffset.TryParse(startAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                start = parsed;
            else
                errors.Add($"--start-at '{startAt}' is not a time; use ISO 8601, e.g. 2026-12-01T10:00:00Z");
        }

        if (shard is null)
        {
            if (runGroup is not null) errors.Add("--run-group goes with --shard i/N");
            return start is null ? null : new ShardOptions(0, 1, start, runGroup ?? "single");
        }

        var parts = shard.Split('/');
        if (parts.Length != 2 ||
            !int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int index) ||
            !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int count) ||
            count < 1 || count > 1000 || index < 0 || index >= count)
        {
            errors.Add($"--shard '{shard}' must be i/N with 0 <= i < N <= 1000, e.g. 0/4 for the first of four shards");
            return null;
        }

        // Without a run group the start time identifies the run; shards of one run share both.
        string group = runGroup ?? start?.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) ?? "shards";
        return new ShardOptions(index, count, start, group);
    }

    public static SimulatorOptions ParsePreset(string? preset, List<string> errors)
    {
        if (preset is null) return SimulatorOptions.Default;
        if (!CapacityPresets.Names.Contains(preset))
            errors.Add($"--preset '{preset}' is not a simulator preset; use one of {string.Join(", ", CapacityPresets.Names)}." + NameSuggestions.DidYouMean(preset, CapacityPresets.Names));
        return new SimulatorOptions(preset);
    }
}
