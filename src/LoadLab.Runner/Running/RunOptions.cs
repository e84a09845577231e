using LoadLab.Runner.Target;
using LoadLab.Tracing;

namespace LoadLab.Runner.Running;

/// <summary>Options of <c>loadlab run</c>, validated before anything starts.</summary>
internal sealed record RunOptions
{
    public required string SuitePath { get; init; }

    public string? Environment { get; init; }

    /// <summary>Use this DynamoDB endpoint instead of starting the embedded local target.</summary>
    public Uri? Endpoint { get; init; }

    public string? OutDirectory { get; init; }

    /// <summary>Factor applied to every phase duration (0.1 for a smoke run). Range 0.001–100.</summary>
    public double DurationScale { get; init; } = 1.0;

    public long? Seed { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>True when --region was given: it then wins over the environment's region.</summary>
    public bool RegionGiven { get; init; }

    /// <summary>--allow-prod, --yes, --max-cost, --show-account, --teardown (Safety/).</summary>
    public Safety.SafetyOptions Safety { get; init; } = Runner.Safety.SafetyOptions.Default;

    /// <summary>Capacity simulator preset and overrides for local runs.</summary>
    public SimulatorOptions Simulator { get; init; } = SimulatorOptions.Default;

    /// <summary>Set when this process is one shard of a sharded run.</summary>
    public ShardOptions? Shard { get; init; }

    /// <summary>Plain progress lines even on a terminal.</summary>
    public bool Plain { get; init; }

    /// <summary>X-Ray tracing of operations: off, xray (daemon over UDP) or otlp; null leaves it to the suite (off by default).</summary>
    public TraceMode? Trace { get; init; }

    /// <summary>Share of operations traced beyond the first of each second; null keeps the default.</summary>
    public double? TraceRate { get; init; }

    /// <summary>Operations at least this slow are always traced; null keeps the default.</summary>
    public int? TraceSlowMs { get; init; }

    /// <summary>--metrics: the outputs asked for (emf, emf-stdout, otlp; empty for off); null leaves them to the suite's metrics: section.</summary>
    public IReadOnlySet<string>? Metrics { get; init; }

    /// <summary>--metrics-interval: how often the OTLP export sends; null leaves it to the suite, OTEL_METRIC_EXPORT_INTERVAL or 5 s.</summary>
    public TimeSpan? MetricsInterval { get; init; }

    /// <summary>Prices given with --prices, by name; they go over the suite's and the defaults (docs/capacity-model.md).</summary>
    public IReadOnlyDictionary<string, double> PriceOverrides { get; init; } = new Dictionary<string, double>();
}
