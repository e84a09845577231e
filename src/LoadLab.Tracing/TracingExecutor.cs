using System.Runtime.CompilerServices;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Tracing.Ids;
using LoadLab.Tracing.Sampling;
using LoadLab.Tracing.Segments;

namespace LoadLab.Tracing;

/// <summary>
/// Traces the operations of one scenario around the executor that carries them out. Per operation it reads a coarse
/// clock twice (a memory load each) and asks the sampler; the precise clock, ids, the trace header and the segment
/// exist only for operations that are kept, and the segment is built and sent on the export thread. Without tracing
/// this decorator is simply not in the chain.
/// </summary>
public sealed class TracingExecutor : IOperationExecutor
{
    private readonly IOperationExecutor inner;
    private readonly TracingSession session;
    private readonly ScenarioTrace scenario;
    private readonly TimeProvider time;
    private readonly TraceSampler sampler;
    private readonly CoarseClock coarse;

    internal TracingExecutor(IOperationExecutor inner, TracingSession session, ScenarioTrace scenario)
    {
        this.inner = inner;
        this.session = session;
        this.scenario = scenario;
        time = session.Time;
        sampler = session.Sampler;
        coarse = session.Coarse;
    }

    public ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
    {
        // The coarse clock decides; the precise one is read only for operations that are kept.
        long start = coarse.Now;
        var capture = scenario.Capture;
        var head = default(Head);
        if (sampler.SampleHead(start))
        {
            long precise = time.GetTimestamp();
            // The header is for the SDK request; an executor without capture makes none we could put it on.
            head = Head.New(session.Clock.UtcAt(precise), precise, withHeader: capture is not null);
        }

        object? token = null;
        ValueTask<OperationOutcome> pending;
        // Armed for exactly the call started inside: the driver picks the capture up before its first await.
        capture?.Arm(time, head.Header);
        try
        {
            pending = inner.ExecuteAsync(request, cancellationToken);
        }
        finally
        {
            token = capture?.Disarm();
        }

        if (pending.IsCompletedSuccessfully)
        {
            Finish(request, start, pending.Result, head, token);
            return pending;
        }

        return AwaitAsync(pending, request, start, head, token);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<OperationOutcome> AwaitAsync(ValueTask<OperationOutcome> pending, OperationRequest request, long start, Head head, object? token)
    {
        // Cancellation and unexpected exceptions pass through untraced: the engine accounts for them.
        var outcome = await pending.ConfigureAwait(false);
        Finish(request, start, outcome, head, token);
        return outcome;
    }

    private void Finish(OperationRequest request, long start, in OperationOutcome outcome, in Head head, object? token)
    {
        long end = coarse.Now;
        var reason = head.Sampled ? KeepReason.Sampled : sampler.DecideTail(outcome, start, end);
        if (reason == KeepReason.None)
            return;
        long preciseEnd = time.GetTimestamp();
        // A tail-kept operation was not timed precisely from its start: estimate it from the coarse elapsed time.
        // The segment builder prefers the first attempt's precise start when the driver captured attempts.
        bool estimated = !head.Sampled;
        long preciseStart = estimated ? preciseEnd - (end - start) : head.Start;
        var ids = head.Sampled ? head : Head.New(session.Clock.UtcAt(preciseStart), preciseStart, withHeader: false);
        session.Keep(new KeptOperation(scenario, request.OperationIndex, request.Sequence, ids.TraceId, ids.SegmentId, ids.CallId, preciseStart, preciseEnd, outcome, reason, token)
        {
            StartEstimated = estimated,
        });
    }

    /// <summary>The ids and precise start of a traced operation; default (not sampled) costs nothing.</summary>
    private readonly record struct Head(bool Sampled, XRayTraceId TraceId, ulong SegmentId, ulong CallId, long Start, string? Header)
    {
        public static Head New(DateTimeOffset startUtc, long start, bool withHeader)
        {
            var traceId = XRayTraceId.New(startUtc);
            ulong callId = SegmentIds.New();
            // The header names the DynamoDB subsegment as the parent, as the X-Ray SDKs do for downstream calls.
            return new Head(true, traceId, SegmentIds.New(), callId, start, withHeader ? TraceHeader.Sampled(traceId, callId) : null);
        }
    }
}
