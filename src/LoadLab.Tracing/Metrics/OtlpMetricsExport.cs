using System.Diagnostics.Metrics;
using System.Globalization;
using LoadLab.Core.Engine;
using LoadLab.Core.Results;
using LoadLab.Tracing.Exporters;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace LoadLab.Tracing.Metrics;

/// <summary>
/// The live OTLP metrics of one run (<c>--metrics otlp</c>): the EMF metrics (<see cref="IntervalMetrics"/>) as
/// OpenTelemetry instruments of the meter <see cref="MeterName"/>, exported every <see cref="OtlpMetricsOptions.Interval"/>
/// by a <see cref="PeriodicExportingMetricReader"/> through the SDK's OTLP exporter. Nothing of it is on the operations'
/// path: the engine's sampler thread hands over each second's intervals (<see cref="OnInterval"/>) and the export thread
/// values them. An unusable or unreachable collector warns once and is counted; it never fails the run.
/// </summary>
public sealed class OtlpMetricsExport : IDisposable
{
    public const string MeterName = "LoadLab";

    private readonly LiveMetricFigures figures = new();
    private readonly Meter meter;
    private readonly MeterProvider? provider;
    private readonly CountingReader? reader;
    private readonly MetricsRunInfo run;
    private readonly OtlpMetricsOptions options;
    private readonly string endpoint;
    private readonly string protocol;
    private readonly Action<string> warn;
    private string? warning;
    private int warned;
    private MetricsExportSummary? summary;

    private OtlpMetricsExport(OtlpMetricsOptions options, MetricsRunInfo run, Uri? uri, OtlpExportProtocol otlpProtocol, string? warning, Action<string> warn)
    {
        this.options = options;
        this.run = run;
        this.warn = warn;
        this.warning = warning;
        endpoint = uri?.ToString() ?? options.Endpoint;
        protocol = OtlpEndpoint.Name(otlpProtocol);
        // A meter of its own per run, so variants of one process never mix their sums.
        meter = new Meter(MeterName, typeof(OtlpMetricsExport).Assembly.GetName().Version?.ToString(3));
        CreateInstruments();
        if (uri is null)
            return;
        var exporter = new OtlpMetricExporter(new OtlpExporterOptions { Endpoint = uri, Protocol = otlpProtocol, TimeoutMilliseconds = (int)options.ExportTimeout.TotalMilliseconds });
        reader = new CountingReader(exporter, (int)options.Interval.TotalMilliseconds, (int)options.ExportTimeout.TotalMilliseconds, this);
        provider = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService(options.ServiceName, serviceVersion: typeof(OtlpMetricsExport).Assembly.GetName().Version?.ToString(3), serviceInstanceId: Guid.NewGuid().ToString())
                .AddAttributes(ResourceAttributes(run)))
            .AddMeter(meter.Name)
            .AddReader(reader)
            .Build();
    }

    /// <summary>Where the metrics go, e.g. <c>http://127.0.0.1:4318/v1/metrics</c>.</summary>
    public string Endpoint => endpoint;

    /// <summary>
    /// Starts the export. An invalid or unreachable endpoint is reported through <paramref name="warn"/> and the run
    /// goes on: an invalid one exports nothing, an unreachable one is tried at every interval (a collector may come up).
    /// </summary>
    public static async Task<OtlpMetricsExport> StartAsync(OtlpMetricsOptions options, MetricsRunInfo run, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(warn);
        Uri? uri = null;
        var otlpProtocol = OtlpExportProtocol.HttpProtobuf;
        string? problem;
        try
        {
            (uri, otlpProtocol) = OtlpEndpoint.Parse(options.Endpoint, options.Protocol, options.SignalEndpoint ? null : "/v1/metrics");
            problem = await OtlpEndpoint.ProbeAsync(uri, TimeSpan.FromSeconds(1)).ConfigureAwait(false) is { } why
                ? $"the OTLP endpoint {uri} is not reachable ({why})"
                : null;
        }
        catch (TracingDestinationException e)
        {
            problem = e.Message;
        }

        var export = new OtlpMetricsExport(options, run, uri, otlpProtocol, problem, warn);
        if (problem is not null)
            export.WarnOnce($"Metrics: {problem}. The run goes on; failed exports are counted in results.json (metricsExport).");
        return export;
    }

    /// <summary>Feed from <see cref="EngineOptions.OnInterval"/>; runs on the engine's sampler thread and only queues.</summary>
    public void OnInterval(LiveSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        figures.Add(snapshot);
    }

    /// <summary>
    /// Ends the export after the run: the sums are set to the run's own figures, the last figures are exported (within
    /// the export timeout) and the provider shut down. With no result (the load never started) it only shuts down.
    /// Safe to call more than once.
    /// </summary>
    public async Task<MetricsExportSummary> CompleteAsync(RunResult? result)
    {
        if (summary is not null)
            return summary;
        if (result is not null)
            figures.Settle(result);
        // Shutting the provider down collects and exports once more: the final figures, also after Ctrl+C.
        if (provider is not null)
            await Task.Run(() => provider.Shutdown((int)options.ExportTimeout.TotalMilliseconds)).ConfigureAwait(false);
        summary = new MetricsExportSummary(
            protocol,
            endpoint,
            options.Interval.TotalSeconds,
            reader?.Exports ?? 0,
            reader?.Failures ?? 0,
            Volatile.Read(ref warning));
        return summary;
    }

    /// <summary>The result with the export's section, and a finding when exports failed.</summary>
    public static RunResult Apply(RunResult result, MetricsExportSummary export)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(export);
        var findings = result.Findings;
        if (export.Failures > 0 || export.Exports == 0)
        {
            findings = [.. findings, string.Create(CultureInfo.InvariantCulture,
                $"Metrics: {export.Failures:N0} of {export.Exports + export.Failures:N0} OTLP exports to {export.Endpoint} failed{(export.Warning is null ? "" : " (" + export.Warning + ")")}; the live metrics are incomplete, results.json is not.")];
        }

        return result with { MetricsExport = export, Findings = findings };
    }

    /// <summary>One line for the console after the run.</summary>
    public static string Describe(MetricsExportSummary s) => string.Create(
        CultureInfo.InvariantCulture,
        $"Metrics (otlp {s.Protocol} → {s.Endpoint}, every {s.IntervalSeconds:0.###} s): {s.Exports:N0} exports, {s.Failures:N0} failed.");

    public void Dispose()
    {
        provider?.Dispose();
        meter.Dispose();
    }

    private static Dictionary<string, object> ResourceAttributes(MetricsRunInfo run)
    {
        var attributes = new Dictionary<string, object> { ["loadlab.run_id"] = run.RunId };
        if (run.Variant is { } variant)
            attributes["loadlab.variant"] = variant;
        return attributes;
    }

    private void CreateInstruments()
    {
        for (int i = 0; i < LiveMetricFigures.Sums.Count; i++)
        {
            int index = i;
            var metric = LiveMetricFigures.Sums[i];
            // Counts are whole numbers; consumed units come in halves and less (eventually consistent reads, transactions).
            if (metric.OtlpUnit == "{operation}")
                meter.CreateObservableCounter(metric.OtlpName, () => figures.Current.Sums.Select(s => new Measurement<long>((long)s.Values[index], Tags(s.Scenario, s.Operation))), metric.OtlpUnit, metric.Description);
            else
                meter.CreateObservableCounter(metric.OtlpName, () => figures.Current.Sums.Select(s => new Measurement<double>(s.Values[index], Tags(s.Scenario, s.Operation))), metric.OtlpUnit, metric.Description);
        }

        for (int i = 0; i < LiveMetricFigures.Percentiles.Count; i++)
        {
            int index = i;
            var metric = LiveMetricFigures.Percentiles[i];
            meter.CreateObservableGauge(metric.OtlpName, () => figures.Current.Percentiles.Select(s => new Measurement<double>(s.ValuesMs[index], Tags(s.Scenario, s.Operation))), metric.OtlpUnit, metric.Description);
        }
    }

    /// <summary>The EMF dimensions as attributes, in <see cref="IntervalMetrics.Dimensions"/> order.</summary>
    private KeyValuePair<string, object?>[] Tags(string scenario, string operation) =>
    [
        new("suite", run.Suite),
        new("scenario", scenario),
        new("operation", operation),
        new("environment", run.Environment),
    ];

    private void OnExported(bool success)
    {
        if (success)
            return;
        string problem = $"an OTLP metrics export to {endpoint} failed (collector down, refusing or slower than {options.ExportTimeout.TotalSeconds:0.#} s)";
        Interlocked.CompareExchange(ref warning, problem, null);
        WarnOnce($"Metrics: {problem}. The run goes on; failed exports are counted in results.json (metricsExport).");
    }

    private void WarnOnce(string message)
    {
        if (Interlocked.Exchange(ref warned, 1) == 0)
            warn(message);
    }

    /// <summary>The periodic reader, counting its exports; each collection first fixes the figures it reports.</summary>
    private sealed class CountingReader(BaseExporter<Metric> exporter, int intervalMs, int timeoutMs, OtlpMetricsExport owner)
        : PeriodicExportingMetricReader(exporter, intervalMs, timeoutMs)
    {
        private long exports;
        private long failures;

        public long Exports => Interlocked.Read(ref exports);

        public long Failures => Interlocked.Read(ref failures);

        protected override bool OnCollect(int timeoutMilliseconds)
        {
            owner.figures.Prepare();
            bool success = base.OnCollect(timeoutMilliseconds);
            Interlocked.Increment(ref success ? ref exports : ref failures);
            owner.OnExported(success);
            return success;
        }
    }
}
