namespace LoadLab.Core.Plans;

/// <summary>
/// The suite's <c>sdk:</c> section: how the AWS SDK client retries and how long it waits, so an engineer can rehearse
/// the settings of their application (with <c>simulator.faults</c>). Null values keep LoadLab's defaults: standard
/// retries, 3 attempts, 10 s per attempt. results.json states what was in force (<c>run.target</c>).
/// </summary>
/// <param name="RetryMode"><c>standard</c> or <c>adaptive</c> (client-side rate limiting on throttles).</param>
/// <param name="MaxAttempts">HTTP attempts per call, the first included (1 turns retries off).</param>
/// <param name="Timeout">How long one HTTP attempt may take before it counts as a timeout.</param>
/// <param name="MaxConnections">Connections the client may open to the endpoint at most; null: no limit (the SDK's default).</param>
/// <param name="ConnectTimeout">How long opening a connection may take; null: bounded by <paramref name="Timeout"/> only.</param>
/// <param name="ClientWarmup">Whether the client is warmed up before the load (default true); see <c>ClientWarmup</c>.</param>
public sealed record SdkPlan(string? RetryMode = null, int? MaxAttempts = null, TimeSpan? Timeout = null, int? MaxConnections = null, TimeSpan? ConnectTimeout = null, bool? ClientWarmup = null)
{
    public static readonly SdkPlan Default = new();

    /// <summary>Attempts per call when a suite sets none: the SDK's standard-mode value (the first try plus two retries).</summary>
    public const int DefaultMaxAttempts = 3;

    public const string Standard = "standard";

    public const string Adaptive = "adaptive";

    /// <summary>The retry modes a suite may choose.</summary>
    public static IReadOnlyList<string> RetryModes { get; } = [Standard, Adaptive];

    /// <summary>The most attempts a suite may set: beyond that a call outlives any sensible budget.</summary>
    public const int MaxMaxAttempts = 20;

    /// <summary>The most connections a suite may set (a limit beyond it is no limit in practice).</summary>
    public const int MaxMaxConnections = 10_000;
}
