using LoadLab.Core.Outcomes;
using LoadLab.Tracing;
using LoadLab.Tracing.Capture;
using LoadLab.Tracing.Ids;
using LoadLab.Tracing.Sampling;
using LoadLab.Tracing.Segments;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.Tracing.Support;

/// <summary>Builds segments the way the export thread does, from scripted attempts on a virtual clock (1 tick = 1 µs).</summary>
internal sealed class SegmentFactory
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
    private readonly SegmentBuilder builder;
    private readonly EpochClock clock;

    public SegmentFactory(TraceRunInfo? run = null, TracingOptions? options = null)
    {
        time.AutoAdvanceAmount = TimeSpan.Zero;
        clock = new EpochClock(time);
        builder = new SegmentBuilder(options ?? new TracingOptions { Region = "eu-west-1" }, run ?? new TraceRunInfo("20261126-120000-quickstart-abcd", "quickstart"), clock);
        LoadStart = time.GetTimestamp();
    }

    public long LoadStart { get; }

    public long Ticks(double milliseconds) => LoadStart + (long)(milliseconds * time.TimestampFrequency / 1000);

    /// <summary>An operation that started 3 s into the load and took the attempts given (or 12 ms without any).</summary>
    public SegmentNode Build(OperationOutcome outcome, KeepReason reason = KeepReason.Sampled, params AttemptSpan[] attempts) =>
        Build(outcome, reason, attempts.Length > 0 ? new CallDetails([new CapturedCall("GetItem", attempts)]) : null);

    /// <summary>An operation of several SDK calls (query pages, batch resends).</summary>
    public SegmentNode Build(OperationOutcome outcome, KeepReason reason, CallDetails? details)
    {
        var attempts = details?.Calls.SelectMany(c => c.Attempts).ToArray() ?? [];
        long start = Ticks(3000);
        long end = attempts.Length > 0 ? attempts[^1].End + Ticks(0.2) - LoadStart : Ticks(3012);
        var capture = details is null ? null : new FixedCapture(details);
        var scenario = new ScenarioTrace(TraceTestPlans.Scenario(), "local_Customers", capture, itemIndexOf: seq => seq * 7);
        var op = new KeptOperation(scenario, 0, 42, XRayTraceId.New(time.GetUtcNow()), SegmentIds.New(), SegmentIds.New(), start, end, outcome, reason, capture is null ? null : new object());
        return builder.Build(op, LoadStart);
    }

    /// <summary>An attempt of <paramref name="ms"/> milliseconds starting <paramref name="at"/> ms after 3 s into the load.</summary>
    public AttemptSpan Attempt(double at, double ms, int status, string? throttle = null, AttemptError? error = null) =>
        new(Ticks(3000 + at), Ticks(3000 + at + ms), status, status > 0 ? "REQ" + at.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, throttle, error, 120, status == 200 ? 512 : 90);

    private sealed class FixedCapture(CallDetails details) : ICallCapture
    {
        public void Arm(TimeProvider clock, string? traceHeader)
        {
        }

        public object? Disarm() => null;

        public CallDetails Read(object token) => details;
    }
}
