namespace LoadLab.Core.Plans;

/// <summary>
/// The suite's <c>sdk:</c> section: how the AWS SDK client retries and how long it waits, so an engineer can rehearse
/// the settings of their application (with <c>simulator.faults</c>). Null values keep LoadLab's defaults: standard
/// retries, 3 attempts, 10 s per attempt. results.json states what was in force (<c>run.target</c>).
/// </summary>
/// <param name="RetryMode"><c>standard</c> or <c>adaptive</c> (client-side rate limiting on throttles).</param>
/// <param name="MaxAttempts">HTTP attempts per call, the first included (1 turns retries off).</param>
/// <param name="Timeout">How long one HTTP attempt may take before it counts as a timeout.</param>
public sealed record SdkPlan(string? RetryMode = null, int? MaxAttempts = null, TimeSpan? Timeout = null)
{
    public static readonly SdkPlan Default = new();

    public const string Standard = "standard";

    public const string Adaptive = "adaptive";

    /// <summary>The retry modes a suite may choose.</summary>
    public static IReadOnlyList<string> RetryModes { get; } = [Standard, Adaptive];

    /// <summary>The most attempts a suite may set: beyond that a call outlives any sensible budget.</summary>
    public const int MaxMaxAttempts = 20;
}
