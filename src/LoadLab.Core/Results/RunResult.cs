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

    /// <summary>The capacity simulator's view of the run (local target only); null when no simulator was in the path.</summary>
    public SimulatorSection? Simulator { get; init; }

    /// <summary>Estimated cost per table in its own capacity mode and in the other; null in results written before it existed.</summary>
    public RunCost? Cost { get; init; }

    /// <summary>Problems worth telling the reader (e.g. the in-flight bound was reached, operations dropped).</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];

    /// <summary>What tracing did (segments kept, sent, dropped); null when tracing was off.</summary>
    public TracingSummary? Tracing { get; init; }

    /// <summary>What the live OTLP metrics export did (where to, how often, exports and failures); null when it was off.</summary>
    public MetricsExportSummary? MetricsExport { get; init; }

    /// <summary>The run's tables as DynamoDB described them before and after the load; empty in files written before this field existed.</summary>
    public IReadOnlyList<TableReport> Tables { get; init; } = [];

    /// <summary>
    /// The client warm-up before the load (sdk.clientWarmup): calls made to warm the client's code and connections,
    /// counted nowhere else. Null when it was off or did not run.
    /// </summary>
    public Engine.ClientWarmupSummary? ClientWarmup { get; init; }
}

/// <summary>How a run was traced and whether the traces got out.</summary>
/// <param name="Mode"><c>xray</c> (segments over UDP to the X-Ray daemon or CloudWatch agent) or <c>otlp</c>.</param>
/// <param name="Destination">Where segments went, e.g. <c>udp://127.0.0.1:2000</c> or the OTLP endpoint.</param>
/// <param name="ReservoirPerSecond">Operations traced first in every second, whatever their outcome.</param>
/// <param name="Rate">Share of the other operations traced.</param>
/// <param name="SlowMs">Operations at least this slow are always traced (within <paramref name="AlwaysKeepPerSecond"/>).</param>
/// <param name="AlwaysKeepPerSecond">Cap per second on throttled, failed and slow operations traced beyond the sample.</param>
/// <param name="Kept">Operations traced: one segment each.</param>
/// <param name="KeptBy">Kept operations by reason: sampled, throttled, failed, slow.</param>
/// <param name="OverCap">Throttled, failed or slow operations not traced because the cap was reached.</param>
/// <param name="Sent">Segments handed to the transport.</param>
/// <param name="Dropped">Segments kept but not sent (queue full, destination unusable, send failed, not flushed in time).</param>
/// <param name="SendFailures">Sends the transport refused.</param>
/// <param name="Warning">The first problem met (invalid address, unreachable destination), or null.</param>
public sealed record TracingSummary(
    string Mode,
    string Destination,
    int ReservoirPerSecond,
    double Rate,
    double SlowMs,
    int AlwaysKeepPerSecond,
    long Kept,
    IReadOnlyDictionary<string, long> KeptBy,
    long OverCap,
    long Sent,
    long Dropped,
    long SendFailures,
    string? Warning);

/// <summary>The live metrics export of a run (<c>--metrics otlp</c>) and whether its exports got out.</summary>
/// <param name="Protocol"><c>http/protobuf</c> or <c>grpc</c>.</param>
/// <param name="Endpoint">The metrics URL exported to, e.g. <c>http://localhost:4318/v1/metrics</c>.</param>
/// <param name="IntervalSeconds">Seconds between exports.</param>
/// <param name="Exports">Export calls the collector accepted, the final flush included.</param>
/// <param name="Failures">Export calls that failed (collector down, refused, timed out); the run went on.</param>
/// <param name="Warning">The first problem met (invalid or unreachable endpoint, a failed export), or null.</param>
public sealed record MetricsExportSummary(string Protocol, string Endpoint, double IntervalSeconds, long Exports, long Failures, string? Warning);

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

    /// <summary>The suite variant this run is, when the suite has variants; null otherwise.</summary>
    public string? Variant { get; init; }

    /// <summary>Set when this run is one shard of a sharded run (<c>--shard i/N</c>) or a merge of shards.</summary>
    public ShardInfo? Shard { get; init; }

    /// <summary>The AWS account the credentials belong to; only with <c>--show-account</c>, otherwise null (and absent from results.json).</summary>
    public string? AccountId { get; init; }

    /// <summary>Set when the target stopped answering during the load and the run stopped for it (exit 3); null otherwise.</summary>
    public TargetFailure? TargetFailure { get; init; }

    /// <summary>Set for <c>loadlab simulate</c>: the run was played on virtual time and its latencies are modelled, not measured.</summary>
    public SimulationInfo? Simulation { get; init; }
}

/// <summary>How a simulated run was played: no DynamoDB was called; time and latency are the model's.</summary>
/// <param name="WallSeconds">Real time the simulation took (the run's duration is virtual).</param>
/// <param name="ServiceTime">The modelled service time of one attempt per operation, e.g. "get: median 3 ms, p99 12 ms".</param>
/// <param name="Attempts">Attempts played in all, retries included.</param>
public sealed record SimulationInfo(double WallSeconds, IReadOnlyList<string> ServiceTime, long Attempts)
{
    /// <summary>The label every latency of a simulated run carries.</summary>
    public const string LatencyLabel = "simulated";
}

/// <summary>
/// A shard's place in its run group. A merged result has <see cref="Index"/> null and lists the
/// merged shard indexes in <see cref="Merged"/>.
/// </summary>
/// <param name="RunGroup">Shared by every shard of one sharded run (all shards must be merged with their own group).</param>
/// <param name="Slices">The items of each data set this shard seeded and targeted (a merged result has none).</param>
public sealed record ShardInfo(string RunGroup, int? Index, int Count, IReadOnlyList<int>? Merged = null, IReadOnlyList<ShardSlice>? Slices = null);

/// <summary>A shard's slice of one table's data set: items [<see cref="FirstItem"/>, <see cref="FirstItem"/> + <see cref="Items"/>) of <see cref="DataSetItems"/>.</summary>
public sealed record ShardSlice(string Table, long FirstItem, long Items, long DataSetItems);

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
/// <param name="RetryMode">The SDK's retry mode, standard or adaptive (the suite's sdk.retryMode).</param>
/// <param name="MaxAttempts">HTTP attempts per call, the first included (sdk.maxAttempts).</param>
public sealed record TargetInfo(
    string Kind,
    string? Endpoint,
    string Region,
    string SdkVersion,
    string SdkCoreVersion,
    string RetryMode,
    int MaxAttempts)
{
    /// <summary>How long one HTTP attempt could take before it counted as a timeout (sdk.timeout); null in results written before it existed.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>Connections the client could open to the endpoint at most (sdk.maxConnections); null: no limit.</summary>
    public int? MaxConnections { get; init; }

    /// <summary>How long opening a connection could take (sdk.connectTimeout); null: the SDK's default, bounded by the attempt timeout.</summary>
    public double? ConnectTimeoutSeconds { get; init; }
}

public sealed record SeedSummary(string Table, string Model, long Items, long Batches, long UnprocessedRetries, double Seconds);
