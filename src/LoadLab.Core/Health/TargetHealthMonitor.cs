using LoadLab.Core.Engine;
using LoadLab.Core.Results;

namespace LoadLab.Core.Health;

/// <summary>
/// Tells a dead target from a struggling one while the run goes on, from the per-interval outcome counts the engine
/// publishes (<see cref="LiveScenario.Reach"/>), never from exceptions. The target counts as unreachable from the
/// first interval in which operations got no answer (network errors, timeouts) and none got one, until an interval in
/// which any operation was answered, with any outcome: a throttle or a 500 is an answer. Intervals in which nothing
/// ended (a pause, operations still waiting for their timeout) neither heal nor prolong the span: only answers and
/// failures are evidence. Once failures have spanned the threshold, it records when and what, and cancels
/// <see cref="FailedToken"/>, which the caller links into the engine's stop token: scheduling stops, in-flight
/// operations drain and the results are written as usual.
/// </summary>
public sealed class TargetHealthMonitor : IDisposable
{
    private readonly CancellationTokenSource failed = new();
    private readonly double threshold;
    private double? since;
    private long networkErrors;
    private long timeouts;
    private TargetFailure? failure;

    /// <param name="threshold">How long operations may go without any answer before the run stops (the suite's <c>failOn.unreachableFor</c>).</param>
    public TargetHealthMonitor(TimeSpan threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, TimeSpan.Zero);
        this.threshold = threshold.TotalSeconds;
    }

    /// <summary>Cancelled when the target has been unreachable for the threshold.</summary>
    public CancellationToken FailedToken => failed.Token;

    /// <summary>When and how the target failed, or null while it answers.</summary>
    public TargetFailure? Failure => Volatile.Read(ref failure);

    /// <summary>Feed from <see cref="EngineOptions.OnInterval"/>; runs on the engine's sampler thread.</summary>
    public void OnInterval(LiveSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Failure is not null)
            return;
        long answered = 0, network = 0, timedOut = 0;
        double start = snapshot.ElapsedSeconds;
        foreach (var scenario in snapshot.Scenarios)
        {
            answered += scenario.Reach.Answered;
            network += scenario.Reach.NetworkErrors;
            timedOut += scenario.Reach.Timeouts;
            if (scenario.Interval is { } interval)
                start = Math.Min(start, interval.Start);
        }

        if (answered > 0)
        {
            since = null;
            networkErrors = timeouts = 0;
            return;
        }

        if (network + timedOut == 0)
            return;
        since ??= start;
        networkErrors += network;
        timeouts += timedOut;
        // Whole intervals of failures are the evidence, so a span of exactly the threshold is enough.
        if (snapshot.ElapsedSeconds - since.Value >= threshold - 1e-9)
        {
            Volatile.Write(ref failure, new TargetFailure(Math.Round(since.Value, 3), Math.Round(snapshot.ElapsedSeconds, 3), networkErrors, timeouts, threshold));
            failed.Cancel();
        }
    }

    public void Dispose() => failed.Dispose();
}
