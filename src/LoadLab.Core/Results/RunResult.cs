namespace LoadLab.Core.Results;

/// <summary>The immutable outcome of a run; every exporter reads only this.</summary>
public sealed record RunResult
{
    /// <summary>Version of the results.json schema this result follows.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required RunInfo Run { get; init; }

    public required IReadOnlyList<ScenarioResult> Scenarios { get; init; }

    /// <summary>Seeding done before the load, per data set.</summary>
    public IReadOnlyList<SeedSummary> Seeding { get; init; } = [];

    /// <summary>Every budget of the suite with its measured value; empty when the suite has none.</summary>
    public IReadOnlyList<Budgets.BudgetOutcome> Budgets { get; init; } = [];

    /// <summary>True when every budget held (also true without budgets).</summary>
    public bool BudgetsPassed => Budgets.All(b => b.Passed);

    /// <summary>Problems worth telling the reader (e.g. the in-flight bound was reached, operations dropped).</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];
}

public sealed record RunInfo
{
    public required string RunId { get; init; }

    public required string Suite { get; init; }

    public string? SuiteFile { get; init; }

    public required string Environment { get; init; }

    public required long Seed { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>Seconds from the first scheduled operation to the end of the drain.</summary>
    public required double DurationSeconds { get; init; }

    public required double DurationScale { get; init; }

    /// <summary>True when Ctrl+C (or a signal) stopped the run early; the results are partial.</summary>
    public required bool Interrupted { get; init; }

    public required MachineInfo Machine { get; init; }

    public required TargetInfo Target { get; init; }

    /// <summary>Set when this run is one shard of a sharded run (<c>--shard i/N</c>) or a merge of shards.</summary>
    public ShardInfo? Shard { get; init; }
}

/// <summary>
/// A shard's place in its run group. A merged result has <see cref="Index"/> null and lists the
/// merged shard indexes in <see cref="Merged"/>.
/// </summary>
/// <param name="RunGroup">Shared by every shard of one sharded run (all shards must be merged with their own group).</param>
public sealed record ShardInfo(string RunGroup, int? Index, int Count, IReadOnlyList<int>? Merged = null);

public sealed record MachineInfo(string Os, string Architecture, int ProcessorCount, string Runtime, string LoadLabVersion)
{
    public static MachineInfo Current() => new(
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString(),
        Environment.ProcessorCount,
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        typeof(RunResult).Assembly.GetName().Version?.ToString() ?? "0.0.0");
}

/// <summary>What the run talked to and how the client behaved.</summary>
/// <param name="Kind">local (embedded dynalite), endpoint (--endpoint) or aws.</param>
public sealed record TargetInfo(
    string Kind,
    string? Endpoint,
    string Region,
    string SdkVersion,
    string SdkCoreVersion,
    string RetryMode,
    int MaxAttempts);

public sealed record SeedSummary(string Table, string Model, long Items, long Batches, long UnprocessedRetries, double Seconds);
