namespace LoadLab.Core.Plans;

/// <summary>A suite's <c>metrics:</c> section: the metrics outputs a run writes unless <c>--metrics</c> says otherwise.</summary>
/// <param name="Emf">off, file (metrics.emf.jsonl in the run folder) or stdout (the file and the same lines on standard output).</param>
/// <param name="Otlp">off or on: the same metrics exported live over OTLP while the run goes.</param>
/// <param name="OtlpInterval">How often the OTLP export sends; null leaves it to --metrics-interval, OTEL_METRIC_EXPORT_INTERVAL or the default.</param>
public sealed record MetricsPlan(string Emf, string Otlp = "off", TimeSpan? OtlpInterval = null)
{
    public static readonly IReadOnlyList<string> EmfChoices = ["off", "file", "stdout"];

    public static readonly IReadOnlyList<string> OtlpChoices = ["off", "on"];

    /// <summary>The default OTLP export interval: live enough for a dashboard, few enough requests for any collector.</summary>
    public static readonly TimeSpan DefaultOtlpInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Why an OTLP export interval is not usable, or null. At least a second: the engine's figures come per second, so
    /// exporting more often only repeats them; at most an hour, past which a "live" export is not live.
    /// </summary>
    public static string? CheckOtlpInterval(TimeSpan interval) =>
        interval < TimeSpan.FromSeconds(1) || interval > TimeSpan.FromHours(1)
            ? $"must be from 1s to 1h, e.g. 5s (found {Text.DurationText.Format(interval)})"
            : null;
}
