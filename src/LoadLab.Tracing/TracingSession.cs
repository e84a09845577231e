using System.Globalization;
using LoadLab.Core.Execution;
using LoadLab.Core.Results;
using LoadLab.Tracing.Exemplars;
using LoadLab.Tracing.Exporters;
using LoadLab.Tracing.Sampling;
using LoadLab.Tracing.Segments;

namespace LoadLab.Tracing;

/// <summary>
/// Tracing for one run: the sampler, the segment builder, the export queue and thread, and the exemplars. Started
/// before the load (a bad or unreachable destination only warns), completed after it, then applied to the result.
/// With <see cref="TraceMode.Off"/> no session exists and nothing of this is on the load path.
/// </summary>
public sealed class TracingSession
{
    private readonly TracingOptions options;
    private readonly SegmentPump? pump;
    private readonly string destination;
    private readonly string? warning;
    private readonly ExportCounters counters = new();
    private readonly ExemplarCollector exemplars;
    private readonly long[] keptBy = new long[5];
    private long loadStart;
    private TracingSummary? summary;

    private TracingSession(TracingOptions options, TraceRunInfo run, TimeProvider time, ISegmentExporter? exporter, string destination, string? warning)
    {
        this.options = options;
        this.destination = destination;
        this.warning = warning;
        Time = time;
        Clock = new EpochClock(time);
        Sampler = new TraceSampler(options, time.TimestampFrequency);
        Coarse = new CoarseClock(time, CoarseClock.PeriodFor(options.SlowThreshold));
        exemplars = new ExemplarCollector(options.Region);
        loadStart = time.GetTimestamp();
        var builder = new SegmentBuilder(options, run, Clock);
        if (exporter is not null)
            pump = new SegmentPump(exporter, op => builder.Build(op, Volatile.Read(ref loadStart)), counters, options.QueueCapacity);
    }

    public TimeProvider Time { get; }

    public TraceSampler Sampler { get; }

    internal EpochClock Clock { get; }

    internal CoarseClock Coarse { get; }

    /// <summary>What went wrong with the destination at start, or null.</summary>
    public string? Warning => warning;

    /// <summary>
    /// Starts tracing, or returns null for <see cref="TraceMode.Off"/>. An invalid or unreachable destination is
    /// reported through <paramref name="warn"/> and the session still runs, counting what it could not send.
    /// </summary>
    /// <exception cref="ArgumentException">The sampling settings are invalid (see <see cref="TracingOptions.Validate"/>).</exception>
    public static async Task<TracingSession?> StartAsync(TracingOptions options, TraceRunInfo run, TimeProvider time, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(warn);
        if (options.Mode == TraceMode.Off)
            return null;
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new ArgumentException("Invalid tracing options: " + string.Join("; ", errors), nameof(options));

        ISegmentExporter? exporter = null;
        string? warning = null;
        string destination = options.Mode == TraceMode.XRay ? options.DaemonAddress : options.OtlpEndpoint;
        try
        {
            exporter = options.Mode == TraceMode.XRay ? OpenDaemon(options) : OtlpSegmentExporter.Open(options.OtlpEndpoint, options.OtlpProtocol, options.ServiceName);
            destination = exporter.Destination;
            warning = await ProbeAsync(exporter).ConfigureAwait(false);
        }
        catch (TracingDestinationException e)
        {
            exporter?.Dispose();
            exporter = null;
            warning = e.Message;
        }

        if (warning is not null)
            warn($"Tracing: {warning}. The run goes on; traces that cannot be sent are counted as dropped.");
        return new TracingSession(options, run, time, exporter, destination, warning);
    }

    /// <summary>A session sending to <paramref name="exporter"/> (tests: an in-memory exporter; null: nowhere).</summary>
    internal static TracingSession Create(TracingOptions options, TraceRunInfo run, TimeProvider time, ISegmentExporter? exporter) =>
        new(options, run, time, exporter, exporter?.Destination ?? "nowhere", warning: null);

    /// <summary>Wraps a scenario's executor so its operations are traced.</summary>
    public IOperationExecutor Wrap(IOperationExecutor inner, ScenarioTrace scenario)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(scenario);
        return new TracingExecutor(inner, this, scenario);
    }

    /// <summary>Marks when the load starts, so phase annotations line up with the scenarios' timelines.</summary>
    public void MarkLoadStart() => Volatile.Write(ref loadStart, Time.GetTimestamp());

    internal void Keep(KeptOperation op)
    {
        Interlocked.Increment(ref keptBy[(int)op.Reason]);
        // Without a destination the segment is only counted (as dropped); an exemplar would link to nothing.
        if (pump is null || !pump.TryEnqueue(op))
            return;
        double seconds = (op.Start - Volatile.Read(ref loadStart)) / (double)Time.TimestampFrequency;
        if (op.Scenario.PhaseAt(seconds).Label == "warmup")
            return;
        double latencyMs = (op.End - op.Start) * 1000.0 / Time.TimestampFrequency;
        exemplars.Offer(op.Scenario.Name, op.OperationName, op.TraceId, latencyMs, op.Outcome);
    }

    /// <summary>Stops tracing: sends what is queued (up to the flush timeout) and sums up. Safe to call more than once.</summary>
    public async Task<TracingSummary> CompleteAsync()
    {
        if (summary is not null)
            return summary;
        Coarse.Dispose();
        bool flushed = pump is null || await pump.CompleteAsync(options.FlushTimeout).ConfigureAwait(false);
        long kept = Enumerable.Range(0, keptBy.Length).Sum(i => Interlocked.Read(ref keptBy[i]));
        long sent = counters.Sent;
        string? problem = warning ?? counters.FirstError
            ?? (flushed ? null : string.Create(CultureInfo.InvariantCulture, $"segments still queued after {options.FlushTimeout.TotalSeconds:0.#} s were dropped"));
        summary = new TracingSummary(
            options.Mode.Name(),
            destination,
            options.ReservoirPerSecond,
            options.Rate,
            options.SlowThreshold.TotalMilliseconds,
            options.AlwaysKeepPerSecond,
            kept,
            new Dictionary<string, long>
            {
                [KeepReason.Sampled.Name()] = Interlocked.Read(ref keptBy[(int)KeepReason.Sampled]),
                [KeepReason.Throttled.Name()] = Interlocked.Read(ref keptBy[(int)KeepReason.Throttled]),
                [KeepReason.Failed.Name()] = Interlocked.Read(ref keptBy[(int)KeepReason.Failed]),
                [KeepReason.Slow.Name()] = Interlocked.Read(ref keptBy[(int)KeepReason.Slow]),
            },
            Sampler.OverCap,
            sent,
            Math.Max(0, kept - sent),
            counters.SendFailures,
            problem);
        return summary;
    }

    /// <summary>The result with exemplars on every operation and the tracing summary.</summary>
    public RunResult Apply(RunResult result, TracingSummary tracing)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tracing);
        var findings = result.Findings;
        if (tracing.Dropped > 0)
        {
            findings = [.. findings, string.Create(CultureInfo.InvariantCulture,
                $"Tracing: {tracing.Dropped:N0} of {tracing.Kept:N0} traced operations were not sent to {tracing.Destination}{(tracing.Warning is null ? "" : " (" + tracing.Warning + ")")}.")];
        }

        return result with
        {
            Scenarios = result.Scenarios
                .Select(s => s with { Operations = s.Operations.Select(o => o with { Exemplars = exemplars.For(s.Name, o.Name) }).ToArray() })
                .ToArray(),
            Tracing = tracing,
            Findings = findings,
        };
    }

    /// <summary>One line for the console after the run.</summary>
    public static string Describe(TracingSummary s) => string.Create(
        CultureInfo.InvariantCulture,
        $"Tracing ({s.Mode} → {s.Destination}): {s.Kept:N0} operations traced ({string.Join(", ", s.KeptBy.Where(k => k.Value > 0).Select(k => $"{k.Value:N0} {k.Key}"))}), {s.Sent:N0} sent, {s.Dropped:N0} dropped, {s.SendFailures:N0} send failures, {s.OverCap:N0} over the always-keep cap.");

    private static XRayUdpExporter OpenDaemon(TracingOptions options)
    {
        if (!DaemonAddress.TryParse(options.DaemonAddress, out var address, out string error))
            throw new TracingDestinationException($"{TracingOptions.DaemonAddressVariable} is invalid: {error}");
        return XRayUdpExporter.Open(address);
    }

    private static async Task<string?> ProbeAsync(ISegmentExporter exporter) => exporter switch
    {
        XRayUdpExporter udp when udp.IsListenerPresent() == false =>
            $"nothing listens on {udp.Destination} (X-Ray daemon or CloudWatch agent)",
        OtlpSegmentExporter otlp when await otlp.ProbeAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false) is { } why =>
            $"the OTLP endpoint {otlp.Destination} is not reachable ({why})",
        _ => null,
    };
}
