using HdrHistogram;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Samples;

public static partial class SampleRun
{
    private sealed record SampleOperationResult(OperationResult Result, IReadOnlyList<OperationInterval> Series, long[] DroppedAt);

    /// <summary>Counters of one operation while its intervals are generated.</summary>
    private sealed class Tally
    {
        public readonly SortedDictionary<string, long> Outcomes = new(StringComparer.Ordinal);
        public readonly SortedDictionary<string, long> ThrottleReasons = new(StringComparer.Ordinal);
        public readonly SortedDictionary<string, long> ErrorCodes = new(StringComparer.Ordinal);
        public long Attempts;
        public long ThrottledAttempts;
        public long Dropped;
        public long IntervalMark;

        public static void Add(SortedDictionary<string, long> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
    }

    private static SampleOperationResult Operation(SampleOperation plan, RunShape shape, Random random)
    {
        var interval = LatencyScale.NewHistogram();
        var intervalService = LatencyScale.NewHistogram();
        var corrected = LatencyScale.NewHistogram();
        var service = LatencyScale.NewHistogram();
        var ok = LatencyScale.NewHistogram();
        var okInterval = LatencyScale.NewHistogram();
        var byOutcome = new SortedDictionary<string, LongHistogram>(StringComparer.Ordinal);
        var tally = new Tally();
        var series = new OperationInterval[shape.Intervals];
        var droppedAt = new long[shape.Intervals];
        var reasons = plan.ThrottleReasons ?? [];
        for (int i = 0; i < shape.Intervals; i++)
        {
            interval.Reset();
            intervalService.Reset();
            okInterval.Reset();
            int arrivals = (int)Math.Round(plan.OpsPerSecond * shape.RampFactor(i) * (0.9 + (0.2 * random.NextDouble())));
            // The stall filled the in-flight bound: a tenth of its arrivals were dropped.
            int dropped = shape.IsStall(i) ? arrivals / 10 : 0;
            droppedAt[i] = dropped;
            tally.Dropped += dropped;
            long okCount = 0, throttled = 0, errors = 0;
            for (int n = 0; n < arrivals - dropped; n++)
            {
                var call = Call(plan, reasons, shape, i, random, tally);
                interval.RecordValue(LatencyScale.Clamp(call.CorrectedMicros));
                intervalService.RecordValue(LatencyScale.Clamp(call.ServiceMicros));
                long micros = LatencyScale.Clamp(call.CorrectedMicros);
                if (!byOutcome.TryGetValue(call.Kind.JsonName(), out var outcome))
                    byOutcome[call.Kind.JsonName()] = outcome = LatencyScale.NewHistogram();
                outcome.RecordValue(micros);
                if (call.Kind == OutcomeKind.Ok) { okCount++; ok.RecordValue(micros); okInterval.RecordValue(micros); }
                else if (call.Kind == OutcomeKind.Throttled) throttled++;
                else if (call.Kind.IsError()) errors++;
            }

            corrected.Add(interval);
            service.Add(intervalService);
            series[i] = new OperationInterval(
                i, 1, interval.TotalCount, okCount, throttled, errors,
                Ms(interval, 50), Ms(interval, 99), Max(interval), Ms(intervalService, 50), Ms(intervalService, 99),
                interval.TotalCount == 0 ? null : HistogramCodec.Encode(interval),
                okCount == 0 || okCount == interval.TotalCount ? null : HistogramCodec.Encode(okInterval),
                tally.ThrottledAttempts - tally.IntervalMark is > 0 and var events ? events : null);
            tally.IntervalMark = tally.ThrottledAttempts;
        }

        var result = new OperationResult
        {
            Name = plan.Name,
            Scheduled = corrected.TotalCount + tally.Dropped,
            Completed = corrected.TotalCount,
            Outcomes = tally.Outcomes,
            ThrottleReasons = tally.ThrottleReasons,
            ErrorCodes = tally.ErrorCodes,
            Dropped = tally.Dropped,
            Cancelled = 0,
            Latency = LatencySummary.From(corrected),
            ServiceTime = LatencySummary.From(service),
            OkLatency = LatencySummary.From(ok),
            OkLatencyHistogram = ok.TotalCount == 0 ? null : HistogramCodec.Encode(ok),
            LatencyByOutcome = new SortedDictionary<string, LatencySummary>(byOutcome.ToDictionary(o => o.Key, o => LatencySummary.From(o.Value)), StringComparer.Ordinal),
            Attempts = tally.Attempts,
            ThrottledAttempts = tally.ThrottledAttempts,
            ReadUnits = Math.Round(plan.ReadUnits * corrected.TotalCount, 3),
            WriteUnits = Math.Round(plan.WriteUnits * corrected.TotalCount, 3),
            LatencyHistogram = HistogramCodec.Encode(corrected),
            ServiceTimeHistogram = HistogramCodec.Encode(service),
            Series = series,
        };
        return new SampleOperationResult(result, series, droppedAt);
    }

    private readonly record struct SampleCall(OutcomeKind Kind, long CorrectedMicros, long ServiceMicros);

    /// <summary>One call: log-normal service time; the stall adds waiting before the send; throttles add SDK back-off.</summary>
    private static SampleCall Call(SampleOperation plan, IReadOnlyList<string> reasons, RunShape shape, int i, Random random, Tally tally)
    {
        double serviceMs = plan.MedianMs * Math.Exp(0.45 * Gaussian(random));
        double waitMs = random.NextDouble() * 0.3;
        if (shape.IsStall(i))
        {
            serviceMs += random.NextDouble() * 150;
            waitMs += random.NextDouble() * 200;
        }

        var kind = OutcomeKind.Ok;
        int attempts = 1;
        if (reasons.Count > 0 && shape.IsBurst(i) && random.NextDouble() < 0.3)
        {
            // Hot key: the first attempt is throttled; the SDK backs off (25, 50 ms …) and retries.
            string reason = reasons[random.Next(reasons.Count)];
            bool gaveUp = random.NextDouble() < 0.4;
            attempts = gaveUp ? 3 : 2;
            tally.ThrottledAttempts += gaveUp ? 3 : 1;
            serviceMs += gaveUp ? 75 + (random.NextDouble() * 100) : 25 + (random.NextDouble() * 25);
            if (gaveUp)
            {
                kind = OutcomeKind.Throttled;
                Tally.Add(tally.ThrottleReasons, reason);
            }
        }
        else if (shape.IsStall(i) && random.NextDouble() < 0.02)
        {
            kind = OutcomeKind.Timeout;
            Tally.Add(tally.ErrorCodes, "RequestTimeout");
        }
        else if (plan.WriteUnits > 0 && random.NextDouble() < 0.01)
        {
            kind = OutcomeKind.ConditionFailed;
            Tally.Add(tally.ErrorCodes, "ConditionalCheckFailedException");
        }
        else if (random.NextDouble() < 0.001)
        {
            kind = OutcomeKind.ClientError;
            Tally.Add(tally.ErrorCodes, "ValidationException");
        }

        tally.Attempts += attempts;
        Tally.Add(tally.Outcomes, kind.JsonName());
        long serviceMicros = (long)Math.Round(serviceMs * 1000);
        return new SampleCall(kind, serviceMicros + (long)Math.Round(waitMs * 1000), serviceMicros);
    }

    /// <summary>Standard normal by Box–Muller: System.Random has no Gaussian.</summary>
    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static double Ms(HistogramBase h, double percentile) =>
        h.TotalCount == 0 ? 0 : LatencyScale.ToMilliseconds(h.GetValueAtPercentile(percentile));

    private static double Max(HistogramBase h) => h.TotalCount == 0 ? 0 : LatencyScale.ToMilliseconds(h.GetMaxValue());
}
